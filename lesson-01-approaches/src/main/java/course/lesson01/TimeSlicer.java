package course.lesson01;

import java.util.List;

/**
 * Exercise 1 · Time slicing on paper.
 *
 * <p>A simulated CPU with one core runs a list of {@link Job}s, all ready at time 0. Build the
 * two schedules the lesson compares, and draw them:
 *
 * <ul>
 *   <li>{@link #sequential}: approach 1, one job after another, each to the end;</li>
 *   <li>{@link #roundRobin}: approach 4, what an operating system does. Jobs wait in a FIFO
 *       queue; the job at the front runs for at most {@code quantum} units, then (if it still
 *       has work) goes to the back of the queue. Moving the CPU from one job to a
 *       <em>different</em> job costs {@code switchCost} units of idle time before the next
 *       slice starts (no cost before the first slice, none when the same job simply goes on);</li>
 *   <li>{@link #toMermaidGantt}: the timeline as a Mermaid gantt chart, so you can paste it into
 *       a README and see it.</li>
 * </ul>
 *
 * <p>Every slice in the result is one turn at the CPU: a job that runs two quanta in a row
 * (because it is alone in the queue) gives two slices.
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
        throw new UnsupportedOperationException(
                "not implemented yet: TimeSlicer.sequential — one slice per job, each starting where the previous ended");
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
        throw new UnsupportedOperationException(
                "not implemented yet: TimeSlicer.roundRobin — a FIFO queue of jobs, each runs at most `quantum` units then goes to the back");
    }

    /**
     * Renders a timeline as a Mermaid gantt chart, exactly in this shape (four spaces of
     * indentation, one {@code section} per job in the order the jobs first ran, one line per
     * slice, lines separated by {@code '\n'}, a final {@code '\n'}):
     *
     * <pre>
     * gantt
     *     title Round robin, quantum 2
     *     dateFormat X
     *     axisFormat %s
     *     section A
     *     A : 0, 2
     *     A : 5, 6
     *     section B
     *     B : 2, 4
     * </pre>
     *
     * <p>{@code dateFormat X} makes Mermaid read {@code 0, 2} as "from time 0 to time 2".
     *
     * @param title    the chart's title
     * @param timeline what to draw
     * @return the chart's source text
     */
    public static String toMermaidGantt(String title, Timeline timeline) {
        throw new UnsupportedOperationException(
                "not implemented yet: TimeSlicer.toMermaidGantt — print 'gantt', title, dateFormat X, axisFormat %s, then one section per job");
    }
}
