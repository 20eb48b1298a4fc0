package course.lesson07;

import course.grading.Delays;
import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@DisplayName("Exercise 5 · Ten thousand blocking tasks in flight at once, on virtual threads")
class VirtualFetcherTest {

    static final int TASKS = 10_000;

    @Test
    @Points(4)
    @DisplayName("keeps 10 000 blocking tasks waiting at the same time, a rendezvous no small pool can reach")
    void tenThousandInFlight() throws Exception {
        CountDownLatch allWaiting = new CountDownLatch(TASKS);
        InFlight inFlight = new InFlight();
        AtomicReference<String> platformThread = new AtomicReference<>();
        List<Integer> inputs = IntStream.range(0, TASKS).boxed().toList();
        // The tasks wait without a timeout (a timed wait on a virtual thread starts a JDK timer
        // thread); for code that can never reach the rendezvous, this test opens it at the ceiling.
        ScheduledExecutorService ceiling = Executors.newSingleThreadScheduledExecutor();
        // Once the ceiling has passed the verdict is known; tasks that start after it fail at once,
        // so code that runs them one by one does not go on to run out the test's timeout.
        AtomicBoolean gaveUp = new AtomicBoolean();
        List<Integer> results = null;
        Throwable thrown = null;
        try {
            ceiling.schedule(() -> {
                gaveUp.set(true);
                while (allWaiting.getCount() > 0) {
                    allWaiting.countDown();
                }
            }, Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);

            results = VirtualFetcher.fetchAll(inputs, i -> {
                if (!Thread.currentThread().isVirtual()) {
                    platformThread.compareAndSet(null, Thread.currentThread().getName());
                }
                if (gaveUp.get()) {
                    throw new IllegalStateException("task " + i + " started after the test's ceiling");
                }
                inFlight.enter();
                try {
                    allWaiting.countDown();
                    allWaiting.await();   // opens only when all 10 000 tasks are blocked here together
                } finally {
                    inFlight.exit();
                }
                return i * 2;
            });
        } catch (Exception e) {
            thrown = e;
        } finally {
            ceiling.shutdownNow();
            ceiling.awaitTermination(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
        }
        NotImplemented.rethrow(thrown);

        assertThat(inFlight.max())
                .withFailMessage("only %d of %d blocking tasks were in flight at the same time%s: a pool caps how"
                                + " many tasks can wait at once. Use Executors.newVirtualThreadPerTaskExecutor(),"
                                + " one virtual thread per task",
                        inFlight.max(), TASKS, platformThread.get() == null ? ""
                                : " (tasks ran on platform threads such as '" + platformThread.get() + "')")
                .isEqualTo(TASKS);
        if (thrown != null) {
            throw new AssertionError("fetchAll threw although every task succeeded: " + thrown, thrown);
        }
        assertThat(results).hasSize(TASKS);
        for (int i = 0; i < TASKS; i++) {
            if (results.get(i) != i * 2) {
                assertThat(results.get(i))
                        .withFailMessage("result %d is %s, expected %d: results must be in input order",
                                i, results.get(i), i * 2)
                        .isEqualTo(i * 2);
            }
        }
    }

    @Test
    @Points(3)
    @DisplayName("runs every task on a virtual thread of its own, never on a pooled or platform thread")
    void oneVirtualThreadPerTask() throws Exception {
        int n = 200;
        AtomicReferenceArray<Thread> ranOn = new AtomicReferenceArray<>(n);

        List<String> results = VirtualFetcher.fetchAll(IntStream.range(0, n).boxed().toList(), i -> {
            ranOn.set(i, Thread.currentThread());
            return "page-" + i;
        });

        assertThat(results).hasSize(n);
        assertThat(results.get(0)).isEqualTo("page-0");
        assertThat(results.get(n - 1))
                .withFailMessage("the last result is %s, expected page-%d: results must be in input order",
                        results.get(n - 1), n - 1)
                .isEqualTo("page-" + (n - 1));
        Set<Thread> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < n; i++) {
            Thread t = ranOn.get(i);
            assertThat(t.isVirtual())
                    .withFailMessage("task %d ran on platform thread '%s': use"
                            + " Executors.newVirtualThreadPerTaskExecutor()", i, t.getName())
                    .isTrue();
            distinct.add(t);
        }
        assertThat(distinct)
                .withFailMessage("%d tasks ran on only %d virtual threads: virtual threads were pooled. They are"
                        + " cheap, so create one per task (newVirtualThreadPerTaskExecutor) instead of reusing"
                        + " a fixed number", n, distinct.size())
                .hasSize(n);
    }

    @Test
    @Points(2)
    @DisplayName("reports the first failing input in input order, with the task's own exception")
    void failureNamesInput() {
        IllegalStateException bad = new IllegalStateException("malformed URL");
        IllegalStateException later = new IllegalStateException("malformed URL too, but a later input");
        CountDownLatch laterHasFailed = new CountDownLatch(1);
        AtomicReference<Thread> laterRanOn = new AtomicReference<>();
        Deadline deadline = new Deadline();

        // Input 77 fails first; input 42 fails only after 77's failure is complete (its thread has left the task).
        Throwable thrown = catchThrowable(() -> VirtualFetcher.fetchAll(IntStream.range(0, 100).boxed().toList(),
                i -> {
                    if (i == 42) {
                        deadline.await(laterHasFailed);
                        TaskThreads.awaitTaskFinished(laterRanOn.get(), deadline);
                        throw bad;
                    }
                    if (i == 77) {
                        laterRanOn.set(Thread.currentThread());
                        laterHasFailed.countDown();
                        throw later;
                    }
                    return i;
                }));
        NotImplemented.rethrow(thrown);

        assertThat(thrown)
                .withFailMessage("expected a TaskFailedException for input 42, but got %s", thrown)
                .isInstanceOf(TaskFailedException.class);
        TaskFailedException failure = (TaskFailedException) thrown;
        // The expected value's own equals decides: an input object of the student's cannot say yes to anything.
        assertThat((Object) 42)
                .withFailMessage("the exception names input %s, but 42 is the first failing input in input order (77"
                        + " only failed first in time): collect the futures in input order and report the first"
                        + " that failed", failure.input())
                .isEqualTo(failure.input());
        assertThat(failure.getCause())
                .withFailMessage("the cause is %s, not the task's own exception: unwrap the ExecutionException"
                        + " with getCause()", failure.getCause())
                .isNotInstanceOf(ExecutionException.class)
                .isSameAs(bad);
    }

    @Test
    @Points(1)
    @DisplayName("when the calling thread is interrupted while waiting for results, throws InterruptedException")
    void interruptedWhileWaitingThrows() {
        InterruptWhileWaiting.check("fetchAll()", 2, task -> () -> VirtualFetcher.fetchAll(List.of(1, 2), task));
    }
}
