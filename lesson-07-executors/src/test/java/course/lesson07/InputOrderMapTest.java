package course.lesson07;

import course.grading.Background;
import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;


@DisplayName("Exercise 1 · Map over inputs with a pool, results in input order")
class InputOrderMapTest {

    @Test
    @Points(3)
    @DisplayName("returns the results in input order even when later inputs finish first")
    void resultsInInputOrder() throws Exception {
        int n = 5;
        // Input i may finish only after input i+1 has finished: the tasks finish 4, 3, 2, 1, 0.
        List<CountDownLatch> finished = IntStream.range(0, n).mapToObj(i -> new CountDownLatch(1)).toList();
        Deadline deadline = new Deadline();
        List<Integer> inputs = IntStream.range(0, n).boxed().toList();
        Map<Integer, Thread> ranOn = new ConcurrentHashMap<>();

        List<String> results = InputOrderMap.map(inputs, n, i -> {
            ranOn.put(i, Thread.currentThread());
            if (i + 1 < n) {
                deadline.await(finished.get(i + 1));
                TaskThreads.awaitTaskFinished(ranOn.get(i + 1), deadline);   // i + 1 has completed
            }
            finished.get(i).countDown();
            return "r" + i;
        });

        assertThat(results)
                .withFailMessage("expected results in input order %s but got %s: the tasks finished in the order"
                                + " 4, 3, 2, 1, 0; collect the futures in the order you submitted them,"
                                + " not in the order they complete",
                        List.of("r0", "r1", "r2", "r3", "r4"), results)
                .containsExactly("r0", "r1", "r2", "r3", "r4");

        // No inputs: nothing to run and an empty list back, like Python's map over an empty list.
        List<String> none;
        try {
            none = InputOrderMap.map(List.<Integer>of(), n, i -> "r" + i);
        } catch (RuntimeException e) {
            throw new AssertionError("with no inputs map() must return an empty list, but it threw " + e + ": a pool"
                    + " sized by the inputs (Math.min(workers, inputs.size())) has 0 threads, and"
                    + " Executors.newFixedThreadPool(0) throws IllegalArgumentException. Create the pool with"
                    + " `workers` threads", e);
        }
        assertThat(none)
                .withFailMessage("with no inputs map() must return an empty list, but it returned %s", none)
                .isEmpty();
    }

    @Test
    @Points(3)
    @DisplayName("keeps exactly `workers` tasks running at the same time, on `workers` threads")
    void runsWorkersTasksAtOnce() throws Exception {
        int workers = 3;
        CyclicBarrier allBusy = new CyclicBarrier(workers);
        CountDownLatch mayFinish = new CountDownLatch(1);
        InFlight inFlight = new InFlight();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Deadline deadline = new Deadline();

        // Every task first meets `workers` others at the barrier (only concurrent tasks can trip it),
        // then stays in flight until the test lets it finish: the test does so once map() is seen
        // waiting for results, i.e. once every task has been submitted. A pool with more threads
        // than `workers` has then started more tasks than `workers`; a pool of `workers` has not.
        Background<List<Integer>> caller = Background.start("caller", () -> InputOrderMap.map(List.of(1, 2, 3, 4, 5, 6), workers, x -> {
            threads.add(Thread.currentThread());
            inFlight.enter();
            try {
                deadline.await(allBusy);
                deadline.await(mayFinish);
            } finally {
                inFlight.exit();
            }
            return x * 10;
        }));
        try {
            inFlight.awaitPoolSettled(caller, workers, deadline);
        } finally {
            mayFinish.countDown();
        }
        caller.join(new Deadline().remaining());
        caller.stop();
        NotImplemented.rethrow(caller.thrown());
        List<Integer> results = caller.result();

        assertThat(inFlight.max())
                .withFailMessage("only %d of %d tasks were running at the same time (on %s): did you call get()"
                                + " inside the submit loop? Submit every task first to a pool of `workers` threads,"
                                + " then collect the results", inFlight.max(), workers, names(threads))
                .isGreaterThanOrEqualTo(workers);
        assertThat(threads)
                .withFailMessage("the tasks ran on %d different threads (%s) and up to %d at once, but workers = %d:"
                                + " create the pool with Executors.newFixedThreadPool(workers)",
                        threads.size(), names(threads), inFlight.max(), workers)
                .hasSize(workers);
        assertThat(results)
                .withFailMessage("expected the results in input order [10, 20, 30, 40, 50, 60] but got %s:"
                        + " collect the futures in the order you submitted them", results)
                .containsExactly(10, 20, 30, 40, 50, 60);
    }

    @Test
    @Points(1)
    @DisplayName("when several tasks fail, reports the first failing input in input order, not the first to fail")
    void reportsFirstFailureInInputOrder() {
        IOException bFailed = new IOException("b failed");
        IOException dFailed = new IOException("d failed");
        CountDownLatch dHasFailed = new CountDownLatch(1);
        AtomicReference<Thread> dRanOn = new AtomicReference<>();
        Deadline deadline = new Deadline();

        // d fails first; b fails only after d's failure is complete (d's thread has left the task).
        Throwable thrown = catchThrowable(() -> InputOrderMap.map(List.of("a", "b", "c", "d"), 4, s -> {
            switch (s) {
                case "b" -> {
                    deadline.await(dHasFailed);
                    TaskThreads.awaitTaskFinished(dRanOn.get(), deadline);
                    throw bFailed;
                }
                case "d" -> {
                    dRanOn.set(Thread.currentThread());
                    dHasFailed.countDown();
                    throw dFailed;
                }
                default -> {
                    return s.toUpperCase();
                }
            }
        }));
        NotImplemented.rethrow(thrown);

        assertThat(thrown)
                .withFailMessage("expected a TaskFailedException for input b, but %s", thrown == null
                        ? "map() returned normally although a task threw: its exception must reach the caller"
                                + " (submit() each task and get() its Future; inside execute(), or caught in the task,"
                                + " it is lost)"
                        : "got " + thrown)
                .isInstanceOf(TaskFailedException.class);
        // The expected value's own equals decides: an input object of the student's cannot say yes to anything.
        assertThat((Object) "b")
                .withFailMessage("the exception names input %s, but b is the first failing input in input order (d"
                                + " only failed first in time): collect the futures in input order and report the"
                                + " first that failed", ((TaskFailedException) thrown).input())
                .isEqualTo(((TaskFailedException) thrown).input());
    }

    @Test
    @Points(2)
    @DisplayName("reports a failure with the input that caused it and the task's own exception")
    void failureNamesInput() {
        IOException boom = new IOException("registry unreachable");

        Throwable thrown = catchThrowable(() -> InputOrderMap.map(List.of("a", "b", "c", "d"), 2, s -> {
            if (s.equals("c")) {
                throw boom;
            }
            return s.toUpperCase();
        }));
        NotImplemented.rethrow(thrown);

        assertThat(thrown)
                .withFailMessage("expected a TaskFailedException for input c, but %s", thrown == null
                        ? "map() returned normally although a task threw: its exception must reach the caller"
                                + " (submit() each task and get() its Future; inside execute(), or caught in the task,"
                                + " it is lost)"
                        : "got " + thrown)
                .isInstanceOf(TaskFailedException.class);
        TaskFailedException failure = (TaskFailedException) thrown;
        // The expected value's own equals decides: an input object of the student's cannot say yes to anything.
        assertThat((Object) "c")
                .withFailMessage("the exception names input %s, but the task for \"c\" failed", failure.input())
                .isEqualTo(failure.input());
        assertThat(failure.getCause())
                .withFailMessage("the cause is %s, not the task's own IOException: unwrap the"
                        + " ExecutionException with getCause()", failure.getCause())
                .isNotInstanceOf(ExecutionException.class)
                .isSameAs(boom);
    }

    @Test
    @Points(1)
    @DisplayName("when the calling thread is interrupted while waiting for results, throws InterruptedException")
    void interruptedWhileWaitingThrows() {
        InterruptWhileWaiting.check("map()", 2, task -> () -> InputOrderMap.map(List.of(1, 2), 2, task));
    }

    static List<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }
}
