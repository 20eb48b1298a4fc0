package course.lesson01;

import static org.assertj.core.api.Assertions.assertThat;

import course.grading.Points;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Exercise 1 · Time slicing: round robin versus one job after another")
class TimeSlicerTest {

    /** One long job first, then two short ones: the case where time slicing shows its point. */
    private static final List<Job> LONG_FIRST = List.of(new Job("A", 6), new Job("B", 2), new Job("C", 1));

    private static Slice s(String job, int start, int end) {
        return new Slice(job, start, end);
    }

    @Test
    @Points(2)
    @DisplayName("sequential runs each job to the end, one right after the other")
    void sequentialRunsJobsBackToBack() {
        Timeline timeline = TimeSlicer.sequential(LONG_FIRST);

        assertThat(timeline.slices())
                .as("sequential(A=6, B=2, C=1): each job starts where the previous one ended, at time 0 first")
                .containsExactly(s("A", 0, 6), s("B", 6, 8), s("C", 8, 9));
        assertThat(timeline.completionTimes()).containsExactly(Map.entry("A", 6), Map.entry("B", 8), Map.entry("C", 9));
    }

    @Test
    @Points(2)
    @DisplayName("round robin gives each job at most one quantum per turn")
    void roundRobinSlicesByQuantum() {
        Timeline timeline = TimeSlicer.roundRobin(LONG_FIRST, 2, 0);

        List<Slice> expected = List.of(s("A", 0, 2), s("B", 2, 4), s("C", 4, 5), s("A", 5, 7), s("A", 7, 9));
        if (timeline.slices().equals(List.of(s("A", 0, 6), s("B", 6, 8), s("C", 8, 9)))) {
            throw new AssertionError("every job ran to the end in one slice: the quantum was ignored "
                    + "(a job may run at most `quantum` units, then it goes to the back of the queue). Got " + timeline);
        }
        for (Slice slice : timeline.slices()) {
            assertThat(slice.length())
                    .withFailMessage("slice %s lasted %d units, longer than the quantum 2. Timeline: %s",
                            slice, slice.length(), timeline)
                    .isLessThanOrEqualTo(2);
        }
        assertThat(timeline.slices())
                .withFailMessage("roundRobin(A=6, B=2, C=1, quantum 2, switchCost 0):%n expected %s%n      got %s%n"
                        + "(C needs only 1 unit: its slice ends after 1 unit, not after a full quantum; "
                        + "a job alone in the queue gets one slice per quantum)", expected, timeline.slices())
                .isEqualTo(expected);
    }

    @Test
    @Points(2)
    @DisplayName("a preempted job goes to the back of the queue, behind the jobs that were waiting")
    void preemptedJobGoesToTheBack() {
        List<Job> equal = List.of(new Job("A", 3), new Job("B", 3), new Job("C", 3));

        Timeline timeline = TimeSlicer.roundRobin(equal, 2, 0);

        List<Slice> slices = timeline.slices();
        assertThat(slices.size()).as("number of slices in " + timeline).isGreaterThanOrEqualTo(2);
        assertThat(slices.get(1).job())
                .withFailMessage("job %s ran again right after its first slice while the others were waiting: "
                        + "a preempted job goes to the BACK of the queue. Timeline: %s", slices.get(0).job(), timeline)
                .isNotEqualTo(slices.get(0).job());
        assertThat(slices)
                .as("roundRobin(A=3, B=3, C=3, quantum 2): every job gets a turn before anyone gets a second one")
                .containsExactly(s("A", 0, 2), s("B", 2, 4), s("C", 4, 6), s("A", 6, 7), s("B", 7, 8), s("C", 8, 9));
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

        for (Job job : jobs) {
            int ran = sliced.slices().stream().filter(sl -> sl.job().equals(job.name())).mapToInt(Slice::length).sum();
            assertThat(ran).withFailMessage("job %s needs %d units but ran %d units in %s",
                    job.name(), job.duration(), ran, sliced).isEqualTo(job.duration());
        }
        assertThat(sliced.makespan())
                .withFailMessage("round robin should finish all jobs at time %d (the sum of their durations, "
                        + "like the sequential run) when switching is free, but finished at %d: %s",
                        total, sliced.makespan(), sliced)
                .isEqualTo(total);
    }

    @Test
    @Points(2)
    @DisplayName("switching to a different job costs idle time, so time slicing can take longer than sequential")
    void switchingCostsTime() {
        Timeline timeline = TimeSlicer.roundRobin(LONG_FIRST, 2, 1);

        List<Slice> expected = List.of(s("A", 0, 2), s("B", 3, 5), s("C", 6, 7), s("A", 8, 10), s("A", 10, 12));
        assertThat(timeline.slices().getFirst().start())
                .withFailMessage("the first slice started at %d, not 0: nothing is switched before the first job runs",
                        timeline.slices().getFirst().start())
                .isZero();
        assertThat(timeline.slices())
                .withFailMessage("roundRobin(A=6, B=2, C=1, quantum 2, switchCost 1):%n expected %s%n      got %s%n"
                        + "(a switch is paid only when the CPU moves to a DIFFERENT job: A continuing after A costs nothing)",
                        expected, timeline.slices())
                .isEqualTo(expected);
        assertThat(timeline.makespan()).as("with switching cost the jobs end later than the sequential 9").isEqualTo(12);
    }

    @Test
    @Points(1)
    @DisplayName("rejects a quantum below 1 and a negative switching cost")
    void rejectsNonsense() {
        assertThat(StarterCalls.thrownBy(() -> TimeSlicer.roundRobin(LONG_FIRST, 0, 0)))
                .as("roundRobin with quantum 0 (it would never finish anything) must throw")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(StarterCalls.thrownBy(() -> TimeSlicer.roundRobin(LONG_FIRST, 2, -1)))
                .as("roundRobin with a negative switching cost must throw")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Points(2)
    @DisplayName("draws the timeline as a Mermaid gantt chart, one section per job")
    void drawsMermaidGantt() {
        Timeline timeline = new Timeline(List.of(s("A", 0, 2), s("B", 2, 4), s("C", 4, 5), s("A", 5, 7), s("A", 7, 9)));

        String chart = TimeSlicer.toMermaidGantt("Round robin, quantum 2", timeline);

        assertThat(chart).isEqualTo("""
                gantt
                    title Round robin, quantum 2
                    dateFormat X
                    axisFormat %s
                    section A
                    A : 0, 2
                    A : 5, 7
                    A : 7, 9
                    section B
                    B : 2, 4
                    section C
                    C : 4, 5
                """);
    }
}
