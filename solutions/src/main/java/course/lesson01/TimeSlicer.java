package course.lesson01;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulates one CPU core running a list of {@link Job}s, either one after another or time-sliced
 * round robin, and draws the result as a Mermaid gantt chart.
 *
 * <p>All jobs are ready at time 0. In {@linkplain #roundRobin round robin} the ready queue is
 * FIFO: the job at the front runs for {@code min(quantum, remaining)} units and, if it still has
 * work, goes to the back of the queue. Moving the CPU to a <em>different</em> job costs
 * {@code switchCost} idle units; nothing is charged before the first slice or when the only
 * remaining job simply continues. Each turn at the CPU is one {@link Slice}.
 *
 * <p>Sample usage:
 * <pre>{@code
 * List<Job> jobs = List.of(new Job("A", 6), new Job("B", 2), new Job("C", 1));
 * Timeline rr = TimeSlicer.roundRobin(jobs, 2, 0);
 * // [A[0,2), B[2,4), C[4,5), A[5,7), A[7,9)]
 * rr.completionTimes();              // {B=4, C=5, A=9}
 * TimeSlicer.sequential(jobs).completionTimes();   // {A=6, B=8, C=9}
 * System.out.println(TimeSlicer.toMermaidGantt("Round robin", rr));
 * }</pre>
 *
 * <p>The class is stateless; its methods are pure functions and safe to call from any thread.
 */
public final class TimeSlicer {
    private TimeSlicer() {
    }

    /**
     * Runs the jobs one after another, in the given order, each to the end.
     *
     * @param jobs the jobs, in the order they run
     * @return one slice per job, without gaps, starting at time 0
     */
    public static Timeline sequential(List<Job> jobs) {
        List<Slice> slices = new ArrayList<>();
        int now = 0;
        for (Job job : jobs) {
            slices.add(new Slice(job.name(), now, now + job.duration()));
            now += job.duration();
        }
        return new Timeline(slices);
    }

    /**
     * Runs the jobs round robin with the given quantum.
     *
     * @param jobs       the jobs, in the order they enter the ready queue
     * @param quantum    the longest a job may run before it is preempted; at least 1
     * @param switchCost idle time units spent when the CPU moves to a different job; at least 0
     * @return the slices in the order they ran
     * @throws IllegalArgumentException if {@code quantum < 1} or {@code switchCost < 0}
     */
    public static Timeline roundRobin(List<Job> jobs, int quantum, int switchCost) {
        if (quantum < 1) {
            throw new IllegalArgumentException("quantum must be at least 1, got " + quantum);
        }
        if (switchCost < 0) {
            throw new IllegalArgumentException("switchCost must not be negative, got " + switchCost);
        }
        record Waiting(String name, int remaining) {
        }
        Deque<Waiting> ready = new ArrayDeque<>();
        jobs.forEach(job -> ready.addLast(new Waiting(job.name(), job.duration())));

        List<Slice> slices = new ArrayList<>();
        int now = 0;
        String previous = null;
        while (!ready.isEmpty()) {
            Waiting job = ready.removeFirst();
            if (previous != null && !previous.equals(job.name())) {
                now += switchCost;
            }
            int run = Math.min(quantum, job.remaining());
            slices.add(new Slice(job.name(), now, now + run));
            now += run;
            previous = job.name();
            if (job.remaining() > run) {
                ready.addLast(new Waiting(job.name(), job.remaining() - run));
            }
        }
        return new Timeline(slices);
    }

    /**
     * Renders a timeline as a Mermaid gantt chart: a header ({@code gantt}, the title,
     * {@code dateFormat X}, {@code axisFormat %s}), then one {@code section} per job in the order
     * the jobs first ran, each listing that job's slices as {@code name : start, end}. Lines are
     * indented by four spaces and end with {@code '\n'}.
     *
     * @param title    the chart's title
     * @param timeline what to draw
     * @return the chart's source text
     */
    public static String toMermaidGantt(String title, Timeline timeline) {
        Map<String, List<Slice>> byJob = new LinkedHashMap<>();
        for (Slice slice : timeline.slices()) {
            byJob.computeIfAbsent(slice.job(), name -> new ArrayList<>()).add(slice);
        }
        StringBuilder chart = new StringBuilder()
                .append("gantt\n")
                .append("    title ").append(title).append('\n')
                .append("    dateFormat X\n")
                .append("    axisFormat %s\n");
        byJob.forEach((job, slices) -> {
            chart.append("    section ").append(job).append('\n');
            for (Slice slice : slices) {
                chart.append("    ").append(job).append(" : ")
                        .append(slice.start()).append(", ").append(slice.end()).append('\n');
            }
        });
        return chart.toString();
    }
}
