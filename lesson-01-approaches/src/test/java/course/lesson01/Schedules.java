package course.lesson01;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Test support for exercise 1: the test's own simulation of the schedules, random workloads
 * (new every run, so only a real algorithm can match them), and the usual wrong schedules, so a
 * failure can name the mistake that produced it.
 */
final class Schedules {
    private static final List<String> NAMES = List.of("bake", "boil", "chop", "dice", "fry", "grill", "knead",
            "mash", "peel", "roast", "sear", "steam", "stir", "toast", "whisk", "zest");

    /** The ways round robin is usually got wrong, and the right one. */
    enum Variant { RIGHT, PREEMPTED_TO_FRONT, MERGED_TURNS, SWITCH_ON_SAME_JOB, FULL_QUANTUM, COST_BEFORE_FIRST }

    private Schedules() {
    }

    /** A new random generator for this run. */
    static Random random() {
        return new Random();
    }

    /** {@code count} different job names in random order. */
    static List<String> names(Random random, int count) {
        List<String> names = new ArrayList<>(NAMES);
        Collections.shuffle(names, random);
        return List.copyOf(names.subList(0, count));
    }

    /**
     * A random workload for quantum {@code quantum} that shows every feature of round robin: a
     * long job (more than four quanta, not a multiple of the quantum) that is preempted while
     * others wait and at the end runs several turns alone, a job that needs two turns, and short
     * jobs that need less than a quantum.
     */
    static List<Job> workload(Random random, int quantum) {
        int count = 3 + random.nextInt(3);
        List<String> names = names(random, count);
        List<Integer> durations = new ArrayList<>();
        durations.add(4 * quantum + 1 + random.nextInt(quantum - 1));       // the long job
        durations.add(quantum + 1 + random.nextInt(quantum));               // needs two turns
        durations.add(1 + random.nextInt(quantum - 1));                     // less than a quantum
        while (durations.size() < count) {
            durations.add(1 + random.nextInt(2 * quantum));
        }
        Collections.shuffle(durations, random);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(new Job(names.get(i), durations.get(i)));
        }
        return List.copyOf(jobs);
    }

    static List<Slice> sequential(List<Job> jobs) {
        List<Slice> slices = new ArrayList<>();
        int now = 0;
        for (Job job : jobs) {
            slices.add(new Slice(job.name(), now, now + job.duration()));
            now += job.duration();
        }
        return slices;
    }

    /** Round robin, simulated one time unit at a time, right or wrong in the way {@code variant} says. */
    static List<Slice> roundRobin(List<Job> jobs, int quantum, int switchCost, Variant variant) {
        Deque<String> ready = new ArrayDeque<>();
        Map<String, Integer> left = new LinkedHashMap<>();
        for (Job job : jobs) {
            ready.addLast(job.name());
            left.put(job.name(), job.duration());
        }
        List<Slice> slices = new ArrayList<>();
        int clock = 0;
        String last = null;
        while (!ready.isEmpty()) {
            String job = ready.pollFirst();
            boolean switching = last == null ? variant == Variant.COST_BEFORE_FIRST : !last.equals(job)
                    || variant == Variant.SWITCH_ON_SAME_JOB;
            if (switching) {
                clock += switchCost;
            }
            int ran = 0;
            while (ran < quantum && left.get(job) > 0) {       // one time unit after the other
                left.merge(job, -1, Integer::sum);
                ran++;
            }
            int length = variant == Variant.FULL_QUANTUM ? quantum : ran;
            slices.add(new Slice(job, clock, clock + length));
            clock += length;
            last = job;
            if (left.get(job) > 0) {
                if (variant == Variant.PREEMPTED_TO_FRONT) {
                    ready.addFirst(job);
                } else {
                    ready.addLast(job);
                }
            }
        }
        return variant == Variant.MERGED_TURNS ? merged(slices) : slices;
    }

    /** The same slices with a job's back-to-back turns joined into one slice. */
    static List<Slice> merged(List<Slice> slices) {
        List<Slice> out = new ArrayList<>();
        for (Slice slice : slices) {
            Slice previous = out.isEmpty() ? null : out.getLast();
            if (previous != null && previous.job().equals(slice.job()) && previous.end() == slice.start()) {
                out.set(out.size() - 1, new Slice(slice.job(), previous.start(), slice.end()));
            } else {
                out.add(slice);
            }
        }
        return out;
    }

    /**
     * Checks {@code actual} against the right round robin of the workload, and when it is wrong,
     * says which usual mistake produced it.
     *
     * @return {@code null} if right, else the failure message
     */
    static String judgeRoundRobin(List<Job> jobs, int quantum, int switchCost, List<Slice> slices) {
        List<String> actual = keys(slices);
        List<String> expected = keys(roundRobin(jobs, quantum, switchCost, Variant.RIGHT));
        if (actual.equals(expected)) {
            return null;
        }
        String call = "roundRobin(" + describe(jobs) + ", quantum " + quantum + ", switchCost " + switchCost + ")";
        String shown = String.format("%s:%n expected %s%n      got %s%n", call, expected, actual);
        if (actual.equals(keys(sequential(jobs)))) {
            return shown + "every job ran to the end in one slice: the quantum was ignored (a job may run at most "
                    + "`quantum` units, then it goes to the back of the queue)";
        }
        List<String> merged = keys(merged(roundRobin(jobs, quantum, switchCost, Variant.RIGHT)));
        if (!merged.equals(expected) && actual.equals(merged)) {
            return shown + "a job's consecutive turns were merged into one slice: when a job is alone in the queue "
                    + "it runs one quantum per turn, and each turn at the CPU is its own slice";
        }
        if (actual.equals(keys(roundRobin(jobs, quantum, switchCost, Variant.PREEMPTED_TO_FRONT)))) {
            return shown + "a preempted job ran again right away while others were waiting: a preempted job goes "
                    + "to the BACK of the queue";
        }
        if (switchCost > 0 && actual.equals(keys(roundRobin(jobs, quantum, switchCost, Variant.SWITCH_ON_SAME_JOB)))) {
            return shown + "a switch was paid when the same job simply continued: a switch is paid only when the CPU "
                    + "moves to a DIFFERENT job";
        }
        if (switchCost > 0 && actual.equals(keys(roundRobin(jobs, quantum, switchCost, Variant.COST_BEFORE_FIRST)))) {
            return shown + "the first slice did not start at 0: nothing is switched before the first job runs";
        }
        if (actual.equals(keys(roundRobin(jobs, quantum, switchCost, Variant.FULL_QUANTUM)))) {
            return shown + "every slice lasted a full quantum, even when the job needed less: a turn lasts "
                    + "min(quantum, remaining)";
        }
        return shown + "(a FIFO ready queue: the front job runs min(quantum, remaining) units and, if it has work "
                + "left, goes to the back; switching to a different job costs switchCost idle units first)";
    }

    /**
     * A slice as the test writes it, {@code job[start,end)}, read through its accessors: slices are
     * compared by their components, never with {@code Slice.equals} or {@code toString}, which the
     * student's code may change.
     */
    static String key(Slice slice) {
        return slice.job() + "[" + slice.start() + "," + slice.end() + ")";
    }

    /** {@link #key} of each slice, in order. */
    static List<String> keys(List<Slice> slices) {
        return slices.stream().map(Schedules::key).toList();
    }

    /** {@code [bake=6, chop=2]}. */
    static String describe(List<Job> jobs) {
        return jobs.stream().map(j -> j.name() + "=" + j.duration()).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The test's own rendering of the chart described in the exercise. */
    static String gantt(String title, List<Slice> slices) {
        Map<String, List<Slice>> byJob = new LinkedHashMap<>();
        slices.forEach(slice -> byJob.computeIfAbsent(slice.job(), job -> new ArrayList<>()).add(slice));
        StringBuilder chart = new StringBuilder("gantt\n    title " + title + "\n    dateFormat X\n    axisFormat %s\n");
        byJob.forEach((job, own) -> {
            chart.append("    section ").append(job).append('\n');
            own.forEach(s -> chart.append("    ").append(job).append(" : ").append(s.start()).append(", ")
                    .append(s.end()).append('\n'));
        });
        return chart.toString();
    }
}
