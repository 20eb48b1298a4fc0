package course.lesson03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import course.grading.Delays;
import course.grading.Points;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("Exercise 1 · Count primes in several child JVMs")
@ExtendWith(ChildProcesses.class)
class PrimeFarmTest {
    /** Starting a few JVMs on a busy machine may take a while: a ceiling, not an expectation. */
    private static final Duration JVMS_CEILING = Delays.CEILING.multipliedBy(3);

    private final long me = ProcessHandle.current().pid();
    private Path traceDir;

    /** What one PrimeWorker process wrote about itself. */
    record Trace(long pid, long parent, long from, long to, long count, long siblings) {
        static Trace read(Path file) {
            try {
                Map<String, Long> kv = new HashMap<>();
                for (String part : Files.readString(file).trim().split("\\s+")) {
                    String[] pair = part.split("=", 2);
                    kv.put(pair[0], Long.parseLong(pair[1]));
                }
                return new Trace(kv.get("pid"), kv.get("parent"), kv.get("from"), kv.get("to"),
                        kv.get("count"), kv.get("siblings"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeEach
    void createTraceDir() throws IOException {
        traceDir = PrimeWorker.traceDir(me);
        deleteTraceDir();
        Files.createDirectories(traceDir);
    }

    @AfterEach
    void deleteTraceDir() throws IOException {
        if (Files.exists(traceDir)) {
            try (Stream<Path> files = Files.list(traceDir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(traceDir);
        }
    }

    private void expectWorkers(int n) throws IOException {
        Files.writeString(traceDir.resolve("expected"), Integer.toString(n));
    }

    private List<Trace> traces() throws IOException {
        try (Stream<Path> files = Files.list(traceDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".worker"))
                    .map(Trace::read)
                    .sorted(Comparator.comparingLong(Trace::from))
                    .toList();
        }
    }

    private long count(int bound, int workers) {
        return ChildProcesses.within(JVMS_CEILING,
                "countPrimesBelow(" + bound + ", " + workers + ") did not return: are you waiting for a"
                        + " worker that was never started, or reading output that never comes?",
                () -> PrimeFarm.countPrimesBelow(bound, workers)).get();
    }

    private void assertWorkersRan(List<Trace> traces, int workers) {
        assertThat(traces)
                .withFailMessage("no PrimeWorker process ran: the primes were counted inside the test JVM."
                        + " Start each worker as a child JVM with new ProcessBuilder(JavaProcesses.command("
                        + "PrimeWorker.class, from, to)).start()")
                .isNotEmpty();
        assertThat(traces)
                .withFailMessage("expected %d PrimeWorker processes (one per slice), but %d ran", workers, traces.size())
                .hasSize(workers);
        for (Trace trace : traces) {
            assertThat(trace.parent())
                    .withFailMessage("worker %d's parent is process %d, not the test JVM %d: start the workers"
                            + " directly with ProcessBuilder, not through a shell", trace.pid(), trace.parent(), me)
                    .isEqualTo(me);
        }
    }

    @Test
    @Points(3)
    @Timeout(30)
    @DisplayName("counts the 78,498 primes below one million with 4 worker processes")
    void countsPrimesBelowOneMillion() throws IOException {
        expectWorkers(4);
        long primes = count(1_000_000, 4);

        assertWorkersRan(traces(), 4);
        long sumOfWorkers = traces().stream().mapToLong(Trace::count).sum();
        assertThat(primes)
                .withFailMessage("expected 78498 primes below 1,000,000, got %d (the workers printed counts"
                        + " adding up to %d: read one number per worker and add them all)", primes, sumOfWorkers)
                .isEqualTo(78_498);
    }

    @Test
    @Points(3)
    @Timeout(30)
    @DisplayName("gives every number below the bound to exactly one worker, also when it does not split evenly")
    void slicesCoverTheRangeExactlyOnce() throws IOException {
        expectWorkers(3);
        long primes = count(100, 3);

        List<Trace> traces = traces();
        assertWorkersRan(traces, 3);
        String slices = traces.stream().map(t -> "[" + t.from() + ", " + t.to() + ")")
                .collect(Collectors.joining(" "));
        assertThat(traces.get(0).from())
                .withFailMessage("the slices %s do not start at 0", slices)
                .isZero();
        for (int i = 1; i < traces.size(); i++) {
            long previousEnd = traces.get(i - 1).to();
            long start = traces.get(i).from();
            assertThat(start)
                    .withFailMessage("the slices %s %s at %d: each number must go to exactly one worker"
                                    + " (slice i is [bound*i/n, bound*(i+1)/n), the end is exclusive)",
                            slices, start < previousEnd ? "overlap" : "leave a gap", Math.min(start, previousEnd))
                    .isEqualTo(previousEnd);
        }
        assertThat(traces.get(traces.size() - 1).to())
                .withFailMessage("the slices %s stop before the bound 100: the last worker must take the"
                        + " remainder", slices)
                .isEqualTo(100);
        assertThat(primes).withFailMessage("expected 25 primes below 100, got %d", primes).isEqualTo(25);
    }

    @Test
    @Points(3)
    @Timeout(30)
    @DisplayName("runs all workers at the same time, not one after another")
    void workersRunAtTheSameTime() throws IOException {
        expectWorkers(2);
        long primes = count(10_000, 2);

        List<Trace> traces = traces();
        assertWorkersRan(traces, 2);
        long together = traces.stream().mapToLong(Trace::siblings).max().orElse(0);
        String seen = traces.stream().map(t -> "worker " + t.pid() + " saw " + t.siblings() + " of 2 alive")
                .collect(Collectors.joining("; "));
        assertThat(together)
                .withFailMessage("the workers ran one after another (%s): start every worker before waiting"
                        + " for any; calling waitFor() or reading a worker's output inside the start loop"
                        + " serialises them", seen)
                .isEqualTo(2);
        assertThat(primes).withFailMessage("expected 1229 primes below 10,000, got %d", primes).isEqualTo(1229);
    }

    @Test
    @Points(2)
    @Timeout(30)
    @DisplayName("a worker that exits with code 3 makes it throw IllegalStateException, and no worker is left running")
    void failedWorkerIsAnErrorAndStopsTheOthers() throws Exception {
        Files.writeString(traceDir.resolve("misbehave"), "");
        // The worker of [0, 500) prints its count and exits with code 3; the worker of [500, 1000) hangs.
        var outcome = ChildProcesses.within(JVMS_CEILING,
                "countPrimesBelow(1000, 2) did not return although the worker of [0, 500) had exited with code 3"
                        + " (after printing its count) and the other one hangs: check each worker's exit code as"
                        + " you collect it (waitFor() returns it), throw at the first failure, and destroy the"
                        + " other workers in a finally",
                () -> PrimeFarm.countPrimesBelow(1000, 2));
        if (outcome.thrown() instanceof UnsupportedOperationException) {
            outcome.get();
        }
        assertThat(outcome.thrown())
                .withFailMessage("the worker of [0, 500) exited with code 3, but countPrimesBelow %s: check the exit"
                                + " code of every worker and throw IllegalStateException when it is not 0",
                        outcome.thrown() == null ? "returned " + outcome.value() : "threw " + outcome.thrown())
                .isInstanceOf(IllegalStateException.class);
        List<Long> left = new java.util.ArrayList<>();
        try {
            await().atMost(Delays.CEILING).pollInSameThread().pollInterval(Duration.ofMillis(20))
                    .until(() -> ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive));
        } catch (ConditionTimeoutException e) {
            ProcessHandle.current().children().filter(ProcessHandle::isAlive).forEach(h -> left.add(h.pid()));
        }
        assertThat(left)
                .withFailMessage("worker %s was still running after countPrimesBelow threw: destroy every worker"
                        + " that is still alive in a finally block, whatever went wrong", left)
                .isEmpty();
    }

    @Test
    @Points(1)
    @DisplayName("rejects fewer than one worker or a negative bound before starting anything")
    void rejectsBadArguments() throws IOException {
        assertRejects("countPrimesBelow(1000, 0)", "zero workers cannot count",
                () -> PrimeFarm.countPrimesBelow(1000, 0));
        assertRejects("countPrimesBelow(-5, 2)", "a negative bound is no range of numbers",
                () -> PrimeFarm.countPrimesBelow(-5, 2));
        assertThat(traces())
                .withFailMessage("workers were started for invalid arguments: check them first")
                .isEmpty();
    }

    private static void assertRejects(String call, String why, ThrowingCallable code) {
        Throwable thrown = catchThrowable(code);
        assertThat(thrown)
                .withFailMessage("%s must throw IllegalArgumentException (%s), but it %s: check the arguments"
                        + " first, before starting anything", call, why,
                        thrown == null ? "returned normally" : "threw " + thrown)
                .isInstanceOf(IllegalArgumentException.class);
    }
}
