package course.lesson01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Points;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workloads are new in every run (random names and durations): the expected timelines come
 * from the test's own simulation ({@link Schedules}), so only a real algorithm can match them.
 */
@DisplayName("Exercise 1 · Time slicing: round robin versus one job after another")
class TimeSlicerTest {

    private final Random random = Schedules.random();

    private static Slice s(String job, int start, int end) {
        return new Slice(job, start, end);
    }

    /** Fails with a message naming the mistake, if the timeline is not the right round robin. */
    private static void assertRoundRobin(List<Job> jobs, int quantum, int switchCost, Timeline timeline) {
        assertThat(timeline).as("roundRobin returned null").isNotNull();
        String mistake = Schedules.judgeRoundRobin(jobs, quantum, switchCost, timeline.slices());
        if (mistake != null) {
            fail(mistake);
        }
    }

    @Test
    @Points(1)
    @DisplayName("sequential runs each job to the end, one right after the other")
    void sequentialRunsJobsBackToBack() {
        List<Job> jobs = Schedules.workload(random, 3);

        Timeline timeline = TimeSlicer.sequential(jobs);

        assertThat(Schedules.keys(timeline.slices()))
                .as("sequential(%s): each job starts where the previous one ended, at time 0 first",
                        Schedules.describe(jobs))
                .containsExactlyElementsOf(Schedules.keys(Schedules.sequential(jobs)));
        assertThat(timeline.makespan()).as("makespan").isEqualTo(jobs.stream().mapToInt(Job::duration).sum());
    }

    @Test
    @Points(2)
    @DisplayName("round robin gives each job at most one quantum per turn, and each turn is its own slice")
    void roundRobinSlicesByQuantum() {
        List<String> n = Schedules.names(random, 3);
        String a = n.get(0);
        String b = n.get(1);
        String c = n.get(2);
        List<Job> jobs = List.of(new Job(a, 6), new Job(b, 2), new Job(c, 1));

        Timeline timeline = TimeSlicer.roundRobin(jobs, 2, 0);

        // The lesson's example: a runs its last two turns alone, as two slices.
        assertThat(Schedules.keys(Schedules.roundRobin(jobs, 2, 0, Schedules.Variant.RIGHT)))
                .containsExactlyElementsOf(Schedules.keys(List.of(s(a, 0, 2), s(b, 2, 4), s(c, 4, 5), s(a, 5, 7), s(a, 7, 9))));
        assertRoundRobin(jobs, 2, 0, timeline);
        assertThat(timeline.completionTimes())
                .as("completion times")
                .containsExactly(Map.entry(b, 4), Map.entry(c, 5), Map.entry(a, 9));
    }

    @Test
    @Points(1)
    @DisplayName("a preempted job goes to the back of the queue, behind the jobs that were waiting")
    void preemptedJobGoesToTheBack() {
        List<String> n = Schedules.names(random, 3);
        List<Job> equal = List.of(new Job(n.get(0), 3), new Job(n.get(1), 3), new Job(n.get(2), 3));

        Timeline timeline = TimeSlicer.roundRobin(equal, 2, 0);

        assertRoundRobin(equal, 2, 0, timeline);
    }

    @Test
    @Points(2)
    @DisplayName("matches the test's own simulation on random workloads, quanta and switching costs")
    void matchesTheSimulationOnRandomWorkloads() {
        for (int round = 0; round < 9; round++) {
            int quantum = 2 + round % 3;
            int switchCost = round / 3;
            List<Job> jobs = Schedules.workload(random, quantum);

            Timeline timeline = TimeSlicer.roundRobin(jobs, quantum, switchCost);

            assertRoundRobin(jobs, quantum, switchCost, timeline);
        }
    }

    static Stream<Arguments> workloads() {
        return Stream.of(
                Arguments.of(List.of(new Job("A", 6), new Job("B", 2), new Job("C", 1)), 2),
                Arguments.of(List.of(new Job("solo", 7)), 3),
                Arguments.of(List.of(new Job("x", 1), new Job("y", 10), new Job("z", 4), new Job("w", 5)), 3),
                Arguments.of(List.of(new Job("p", 5), new Job("q", 5)), 1),
                Arguments.of(List.of(new Job("big", 20), new Job("tiny", 1)), 50));
    }

    @ParameterizedTest(name = "{0} with quantum {1}")
    @MethodSource("workloads")
    @Points(1)
    @DisplayName("without switching cost, slicing neither loses nor adds CPU time: it ends when sequential ends")
    void slicingDoesNotMakeTheCpuFaster(List<Job> jobs, int quantum) {
        Timeline sliced = TimeSlicer.roundRobin(jobs, quantum, 0);
        int total = jobs.stream().mapToInt(Job::duration).sum();

        List<String> shown = Schedules.keys(sliced.slices());
        for (Job job : jobs) {
            int ran = sliced.slices().stream().filter(sl -> sl.job().equals(job.name()))
                    .mapToInt(sl -> sl.end() - sl.start()).sum();
            assertThat(ran).withFailMessage("job %s needs %d units but ran %d units in %s",
                    job.name(), job.duration(), ran, shown).isEqualTo(job.duration());
        }
        int end = sliced.slices().stream().mapToInt(Slice::end).max().orElse(0);
        assertThat(end)
                .withFailMessage("round robin should finish all jobs at time %d (the sum of their durations, "
                        + "like the sequential run) when switching is free, but finished at %d: %s",
                        total, end, shown)
                .isEqualTo(total);
    }

    @Test
    @Points(2)
    @DisplayName("switching to a different job costs idle time, so time slicing can take longer than sequential")
    void switchingCostsTime() {
        List<String> n = Schedules.names(random, 3);
        String a = n.get(0);
        String b = n.get(1);
        String c = n.get(2);
        List<Job> jobs = List.of(new Job(a, 6), new Job(b, 2), new Job(c, 1));

        Timeline timeline = TimeSlicer.roundRobin(jobs, 2, 1);

        assertThat(Schedules.keys(Schedules.roundRobin(jobs, 2, 1, Schedules.Variant.RIGHT)))
                .containsExactlyElementsOf(Schedules.keys(List.of(s(a, 0, 2), s(b, 3, 5), s(c, 6, 7), s(a, 8, 10), s(a, 10, 12))));
        assertRoundRobin(jobs, 2, 1, timeline);
        assertThat(timeline.makespan()).as("with switching cost the jobs end later than the sequential 9").isEqualTo(12);
    }

    @Test
    @Points(1)
    @DisplayName("rejects a quantum below 1 and a negative switching cost")
    void rejectsNonsense() {
        List<Job> jobs = Schedules.workload(random, 2);
        assertThat(StarterCalls.thrownBy(() -> TimeSlicer.roundRobin(jobs, 0, 0)))
                .as("roundRobin with quantum 0 (it would never finish anything) must throw IllegalArgumentException")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(StarterCalls.thrownBy(() -> TimeSlicer.roundRobin(jobs, 2, -1)))
                .as("roundRobin with a negative switching cost must throw IllegalArgumentException")
                .isInstanceOf(IllegalArgumentException.class);
        // One job never switches, so only an explicit check of the argument rejects the cost here.
        List<Job> alone = List.of(new Job("alone", 3));
        assertThat(StarterCalls.thrownBy(() -> TimeSlicer.roundRobin(alone, 2, -1)))
                .as("roundRobin([alone=3], 2, -1): a negative switching cost must throw IllegalArgumentException "
                        + "even when no switch happens; check switchCost before you simulate, as you check the quantum")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Points(2)
    @DisplayName("draws the timeline as a Mermaid gantt chart, one section per job in the order the jobs first ran")
    void drawsMermaidGantt() {
        // Names in reverse alphabetical order, so the order the jobs first ran is not the sorted order.
        List<String> names = new ArrayList<>(Schedules.names(random, 3));
        names.sort(Comparator.reverseOrder());
        int quantum = 2 + random.nextInt(2);
        List<Job> jobs = new ArrayList<>();
        for (String name : names) {
            jobs.add(new Job(name, 1 + random.nextInt(3 * quantum)));
        }
        jobs.set(0, new Job(names.getFirst(), 2 * quantum + 1));     // comes back after the others
        List<Slice> slices = Schedules.roundRobin(jobs, quantum, random.nextInt(2), Schedules.Variant.RIGHT);
        String title = "Round robin, quantum " + quantum;

        String chart = TimeSlicer.toMermaidGantt(title, new Timeline(slices));

        String expected = Schedules.gantt(title, slices);
        if (chart != null && !chart.equals(expected)) {
            long sections = chart.lines().filter(l -> l.strip().startsWith("section ")).count();
            if (sections > names.size()) {
                fail("the chart has %d sections for %d jobs: one section per job, listing all of its slices "
                        + "(not a new section for every slice).%nExpected:%n%s%nGot:%n%s", sections, names.size(),
                        expected, chart);
            }
            List<String> order = chart.lines().filter(l -> l.strip().startsWith("section "))
                    .map(l -> l.strip().substring("section ".length())).toList();
            Set<String> lines = chart.lines().map(String::strip).collect(Collectors.toSet());
            for (Slice slice : slices) {
                String lengthForm = slice.job() + " : " + slice.start() + ", " + slice.length();
                if (slice.start() > 0 && lines.contains(lengthForm)
                        && !lines.contains(slice.job() + " : " + slice.start() + ", " + slice.end())) {
                    fail("the slice %s is drawn as '%s': the second number must be the slice's end time %d, not its "
                            + "length (with dateFormat X both numbers are points in time).%nExpected:%n%s%nGot:%n%s",
                            slice, lengthForm, slice.end(), expected, chart);
                }
            }
            if (order.equals(names.stream().sorted().toList())) {
                fail("the sections are in alphabetical order %s, but must follow the order the jobs first ran %s "
                        + "(a HashMap or TreeMap loses that order; a LinkedHashMap keeps it).%nExpected:%n%s%nGot:%n%s",
                        order, names, expected, chart);
            }
        }
        assertThat(chart).as("toMermaidGantt(\"%s\", %s)", title, slices).isEqualTo(expected);
    }
}
