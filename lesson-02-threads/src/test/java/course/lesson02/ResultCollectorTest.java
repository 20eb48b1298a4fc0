package course.lesson02;

import course.grading.Background;
import course.grading.Interleaving;
import course.grading.Delays;
import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

@DisplayName("Exercise 3 · Get results back from threads")
class ResultCollectorTest {

    @Test
    @Points(2)
    @DisplayName("puts each task's value at the task's position, even when the tasks finish in reverse order")
    void keepsTaskOrderWhenTasksFinishInReverse() throws Exception {
        int n = 4;
        AtomicReferenceArray<Thread> threads = new AtomicReferenceArray<>(n);
        List<CountDownLatch> started = IntStream.range(0, n).mapToObj(i -> new CountDownLatch(1)).toList();
        Thread caller = Thread.currentThread();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int me = i;
            tasks.add(() -> {
                if (Thread.currentThread() == caller) {
                    throw new IllegalStateException("run() was called instead of start(): task " + me
                            + " ran on the caller's thread '" + caller.getName() + "'");
                }
                threads.set(me, Thread.currentThread());
                started.get(me).countDown();
                if (me + 1 < n) {
                    // Task i finishes only after the whole thread of task i+1 has ended,
                    // so the threads finish in the order 3, 2, 1, 0.
                    if (!started.get(me + 1).await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("task " + (me + 1) + " never started while task " + me
                                + " was running: the tasks must all run at the same time (start all, then join all)");
                    }
                    threads.get(me + 1).join(Delays.CEILING);
                }
                return "value-" + me;
            });
        }

        List<String> values = callAllNoneFails(tasks);

        List<String> expected = List.of("value-0", "value-1", "value-2", "value-3");
        assertThat(values).as("callAll returned null").isNotNull();
        if (values.equals(expected.reversed())) {
            fail("got %s: the values are in the order the threads finished, not the order of the tasks. "
                    + "Let thread i store its value at index i (an array slot), instead of appending to a list.", values);
        }
        assertThat(values).as("values of the tasks, in task order").containsExactlyElementsOf(expected);
        List<String> virtual = IntStream.range(0, n).mapToObj(threads::get)
                .filter(t -> t != null && t.isVirtual()).map(Thread::toString).toList();
        assertThat(virtual)
                .withFailMessage("the tasks ran on virtual threads %s: call each task on its own platform thread "
                        + "(new Thread(…) or Thread.ofPlatform())", virtual)
                .isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("returns exactly one value per task when a hundred tasks finish at the same moment")
    void loosesNothingUnderManyThreads() throws Exception {
        int n = 100;
        CyclicBarrier finishTogether = new CyclicBarrier(n);
        // Not left to luck: once past the barrier, each task's thread pauses in callAll's code after
        // every read of shared state until another one has read too (or waits for a lock), so
        // unsynchronised adds to one list lose values every time; ArrayList.add is two steps,
        // read the size, then store at that index.
        List<Integer> values;
        try (Interleaving together = Interleaving.of(n, ResultCollector.class)) {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int value = i;
                tasks.add(() -> {
                    try {
                        finishTogether.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | BrokenBarrierException e) {
                        throw new IllegalStateException("not all " + n + " tasks were running at the same time: the "
                                + "tasks must all run at the same time (start all, then join all)", e);
                    }
                    together.join();
                    return value;
                });
            }
            values = callAllNoneFails(tasks);
        }

        List<Integer> expected = IntStream.range(0, n).boxed().toList();
        assertThat(values).as("callAll returned null").isNotNull();
        assertThat(values.size())
                .withFailMessage("expected exactly %d values, got %d: values were lost or duplicated. Did several "
                        + "threads add to one ArrayList at the same time? ArrayList is not thread-safe: two adds that "
                        + "both read the size before either stored write the same slot.", n, values.size())
                .isEqualTo(n);
        assertThat(values)
                .withFailMessage("some values are missing (null) or wrong: %s. Each thread must store its own "
                        + "value where nothing else writes (thread i -> index i).", values)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(values).as("values in task order").containsExactlyElementsOf(expected);
    }

    @Test
    @Points(2)
    @DisplayName("carries a task's exception back to the caller, wrapped in an ExecutionException")
    void carriesExceptionsBack() throws Exception {
        IllegalStateException boom = new IllegalStateException("page 1 is broken");
        CountDownLatch secondFailed = new CountDownLatch(1);
        List<Callable<String>> tasks = List.of(
                () -> "value-0",
                () -> {
                    secondFailed.countDown();
                    throw boom;
                },
                () -> {
                    secondFailed.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
                    return "value-2";
                });

        List<String> values;
        try {
            values = ResultCollector.callAll(tasks);
        } catch (ExecutionException e) {
            assertThat(e.getCause())
                    .withFailMessage("the ExecutionException's cause is %s, but task 1 threw %s: pass the task's own "
                            + "exception as the cause", e.getCause(), boom)
                    .isSameAs(boom);
            return;
        }
        fail("callAll returned %s although task 1 threw %s. An exception thrown inside a thread only ends that "
                + "thread (and is printed); it is lost unless the thread catches it and the caller rethrows it "
                + "as new ExecutionException(cause).", values, boom);
    }

    @Test
    @Points(1)
    @DisplayName("reports the first failing task in task order, even when a later task failed earlier in time")
    void reportsTheFirstFailureInTaskOrder() throws Exception {
        IllegalStateException first = new IllegalStateException("task 1 failed (first in task order, second in time)");
        IllegalStateException second = new IllegalStateException("task 2 failed (second in task order, first in time)");
        AtomicReference<Thread> thirdThread = new AtomicReference<>();
        CountDownLatch thirdStarted = new CountDownLatch(1);
        List<Callable<String>> tasks = List.of(
                () -> "value-0",
                () -> {
                    // Task 1 fails only after the whole thread of task 2 has ended (and failed).
                    if (!thirdStarted.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("task 2 never started while task 1 was running: the tasks "
                                + "must all run at the same time (start all, then join all)");
                    }
                    thirdThread.get().join(Delays.CEILING);
                    throw first;
                },
                () -> {
                    thirdThread.set(Thread.currentThread());
                    thirdStarted.countDown();
                    throw second;
                });

        try {
            List<String> values = ResultCollector.callAll(tasks);
            fail("callAll returned %s although tasks 1 and 2 threw: carry a task's exception back as "
                    + "new ExecutionException(cause)", values);
        } catch (ExecutionException e) {
            if (e.getCause() == second) {
                fail("callAll reported task 2's exception, the failure that happened first in TIME; the contract is "
                        + "the first failing task in TASK order (task 1, which failed later). Store each task's "
                        + "exception in its own slot, join every thread, then look at the slots in task order.");
            }
            assertThat(e.getCause())
                    .withFailMessage("the ExecutionException's cause is %s, but the first failing task in task order "
                            + "(task 1) threw %s", e.getCause(), first)
                    .isSameAs(first);
        }
    }

    @Test
    @Points(2)
    @DisplayName("returns only after every task has finished, waiting with join(), not by sleeping")
    void waitsForEveryTask() throws Exception {
        waitsForEveryTask(false);   // let the threads finish from the first started to the last
        waitsForEveryTask(true);    // and from the last started to the first
    }

    private void waitsForEveryTask(boolean lastFirst) throws Exception {
        int n = 3;
        List<CountDownLatch> releases = IntStream.range(0, n).mapToObj(i -> new CountDownLatch(1)).toList();
        AtomicReferenceArray<Thread> ranOn = new AtomicReferenceArray<>(n);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int me = i;
            tasks.add(() -> {
                ranOn.set(me, Thread.currentThread());
                started.incrementAndGet();
                try {
                    releases.get(me).await(Background.HOLD.toMillis(), TimeUnit.MILLISECONDS);
                    return "value-" + me;
                } finally {
                    finished.incrementAndGet();
                }
            });
        }
        // The tasks are held until callAll is seen waiting for them, then let finish one at a time.
        // A callAll that sleeps instead of waiting, or waits for only some of its threads, returns
        // while a task is still held.
        Background<List<String>> call = Background.start("caller", () -> ResultCollector.callAll(tasks));
        List<String> values;
        try {
            Background.Seen seen = call.watch(() -> started.get() == n);
            int finishedThen = finished.get();
            int startedThen = started.get();
            int releasedWhenReturned = seen == Background.Seen.WAITING
                    ? call.releaseOneByOne(lastFirst ? releases.reversed() : releases,
                            k -> ranOn.get(lastFirst ? n - 1 - k : k))
                    : -1;
            releases.forEach(CountDownLatch::countDown);
            call.join(Delays.CEILING);
            call.rethrowNotImplemented();
            String mistake = JoinMistakes.describe(seen, "callAll", "tasks", startedThen, finishedThen, n);
            if (mistake != null) {
                fail(mistake);
            }
            if (releasedWhenReturned >= 0) {
                fail(JoinMistakes.returnedTooSoon("callAll", "tasks", releasedWhenReturned, n));
            }
            values = call.finish("callAll");
        } finally {
            releases.forEach(CountDownLatch::countDown);
            call.stop();
        }
        assertThat(values).as("values of the tasks, in task order").containsExactly("value-0", "value-1", "value-2");
    }

    @Test
    @Points(1)
    @DisplayName("an interrupt while it waits is not swallowed: callAll throws InterruptedException")
    void doesNotSwallowAnInterrupt() throws Exception {
        int n = 3;
        List<CountDownLatch> releases = IntStream.range(0, n).mapToObj(i -> new CountDownLatch(1)).toList();
        AtomicInteger started = new AtomicInteger();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int me = i;
            tasks.add(() -> {
                started.incrementAndGet();
                try {
                    releases.get(me).await(Background.HOLD.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();   // an interrupted task ends at once
                }
                return "value-" + me;
            });
        }
        // The caller is interrupted while callAll waits for the held tasks.
        Background<Boolean> call = Background.start("caller", () -> {
            ResultCollector.callAll(tasks);
            return Thread.currentThread().isInterrupted();
        });
        JoinMistakes.assertInterruptNotSwallowed("callAll", call, () -> started.get() == n, releases);
    }

    /** callAll for tasks that must not fail: a failure means the threads did not run as the test needs. */
    private static <T> List<T> callAllNoneFails(List<Callable<T>> tasks) throws InterruptedException {
        try {
            return ResultCollector.callAll(tasks);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AssertionError("callAll threw " + e + ", but no task fails when the tasks run as asked: "
                    + cause.getMessage(), e);
        }
    }
}
