package course.lesson02;

import course.grading.Background;
import course.grading.Delays;
import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

@DisplayName("Exercise 2 · start() vs run(), then join")
class TaskRunnerTest {
    private static final int TASKS = 4;

    @Test
    @Points(2)
    @DisplayName("runs every task on a new thread of its own, not on the caller's thread")
    void runsEachTaskOnANewThread() throws Exception {
        Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(() -> {
                ranOn.add(Thread.currentThread());
                runs.incrementAndGet();
            });
        }
        Thread caller = Thread.currentThread();

        TaskRunner.runAll(tasks);

        assertThat(runs.get())
                .withFailMessage("only %d of %d tasks had run when runAll returned: did you forget to join() the threads?",
                        runs.get(), TASKS)
                .isEqualTo(TASKS);
        assertThat(ranOn)
                .withFailMessage("run() was called instead of start(): the tasks ran on the caller's thread '%s'. "
                        + "thread.run() is a plain method call; thread.start() runs the task on the new thread.",
                        caller.getName())
                .doesNotContain(caller);
        assertThat(ranOn)
                .withFailMessage("%d tasks ran on %d thread(s) %s: every task needs a thread of its own",
                        TASKS, ranOn.size(), ranOn)
                .hasSize(TASKS);
    }

    @Test
    @Points(2)
    @DisplayName("starts every thread before joining any: all four tasks are running at the same time")
    void startsAllBeforeJoiningAny() throws Exception {
        CyclicBarrier meetingPoint = new CyclicBarrier(TASKS);
        AtomicInteger met = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(() -> {
                try {
                    meetingPoint.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
                    met.incrementAndGet();
                } catch (Exception brokenOrTimedOut) {
                    // the task gives up: the assertion below reports it
                }
            });
        }

        TaskRunner.runAll(tasks);

        assertThat(met.get())
                .withFailMessage("the %d tasks never all ran at the same time (a barrier for %d never opened): "
                        + "the threads took turns. Did you join() each thread right after start()? "
                        + "Start all threads in one loop, join them in a second loop.", TASKS, TASKS)
                .isEqualTo(TASKS);
    }

    @Test
    @Points(2)
    @DisplayName("returns only after every task has finished, waiting with join(), not by sleeping")
    void returnsOnlyWhenAllTasksHaveFinished() throws Exception {
        returnsOnlyWhenAllTasksHaveFinished(false);   // let the threads finish from the first started to the last
        returnsOnlyWhenAllTasksHaveFinished(true);    // and from the last started to the first
    }

    private void returnsOnlyWhenAllTasksHaveFinished(boolean lastFirst) throws Exception {
        List<CountDownLatch> releases = IntStream.range(0, TASKS).mapToObj(i -> new CountDownLatch(1)).toList();
        AtomicReferenceArray<Thread> ranOn = new AtomicReferenceArray<>(TASKS);
        AtomicInteger arrived = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(heldTask(i, ranOn, arrived, releases, finished));
        }
        // The tasks are held until runAll is seen waiting for them, then let finish one at a time.
        // A runAll that sleeps instead of waiting, or waits for only some of its threads, returns
        // while a task is still held.
        Background<Void> call = Background.start("caller", () -> {
            TaskRunner.runAll(tasks);
            return null;
        });
        try {
            Background.Seen seen = call.watch(() -> arrived.get() == TASKS);
            int finishedThen = finished.get();
            int startedThen = arrived.get();
            int releasedWhenReturned = seen == Background.Seen.WAITING
                    ? call.releaseOneByOne(lastFirst ? releases.reversed() : releases,
                            k -> ranOn.get(lastFirst ? TASKS - 1 - k : k))
                    : -1;
            releases.forEach(CountDownLatch::countDown);
            call.join(Delays.CEILING);
            call.rethrowNotImplemented();
            String mistake = JoinMistakes.describe(seen, "runAll", "tasks", startedThen, finishedThen, TASKS);
            if (mistake != null) {
                fail(mistake);
            }
            if (releasedWhenReturned >= 0) {
                fail(JoinMistakes.returnedTooSoon("runAll", "tasks", releasedWhenReturned, TASKS));
            }
            assertThat(call.thrown()).as("runAll threw").isNull();
            assertThat(finished.get()).as("tasks finished when runAll returned").isEqualTo(TASKS);
        } finally {
            releases.forEach(CountDownLatch::countDown);
            call.stop();
        }
    }

    @Test
    @Points(1)
    @DisplayName("an interrupt while it waits is not swallowed: runAll throws InterruptedException")
    void doesNotSwallowAnInterrupt() throws Exception {
        List<CountDownLatch> releases = IntStream.range(0, TASKS).mapToObj(i -> new CountDownLatch(1)).toList();
        AtomicInteger arrived = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            int me = i;
            tasks.add(() -> {
                arrived.incrementAndGet();
                try {
                    releases.get(me).await(Background.HOLD.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();   // an interrupted task ends at once
                }
            });
        }
        // The caller is interrupted while runAll waits for the held tasks.
        Background<Boolean> call = Background.start("caller", () -> {
            TaskRunner.runAll(tasks);
            return Thread.currentThread().isInterrupted();
        });
        JoinMistakes.assertInterruptNotSwallowed("runAll", call, () -> arrived.get() == TASKS, releases);
    }

    @Test
    @Points(1)
    @DisplayName("a task that throws ends only its own thread: runAll still waits for the others and returns")
    void aFailingTaskEndsOnlyItsOwnThread() throws Exception {
        int n = 3;
        List<CountDownLatch> releases = IntStream.range(0, n).mapToObj(i -> new CountDownLatch(1)).toList();
        AtomicReferenceArray<Thread> ranOn = new AtomicReferenceArray<>(n);
        AtomicInteger arrived = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch failing = new CountDownLatch(1);
        List<Runnable> tasks = new ArrayList<>();
        tasks.add(() -> {
            ranOn.set(0, Thread.currentThread());
            arrived.incrementAndGet();
            try {
                throw new IllegalStateException("task 0 fails on purpose (TaskRunnerTest): only its own thread ends");
            } finally {
                failing.countDown();
            }
        });
        for (int i = 1; i < n; i++) {
            tasks.add(heldTask(i, ranOn, arrived, releases, finished));
        }
        // Task 0 throws at once; the others are held until runAll is seen waiting after task 0 has
        // ended, then let finish. runAll must wait for them, and return once they have all ended.
        Background<Void> call = Background.start("caller", () -> {
            TaskRunner.runAll(tasks);
            return null;
        });
        try {
            Background.Seen seen = call.watch(() -> arrived.get() == n && failing.getCount() == 0
                    && (ranOn.get(0).getState() == Thread.State.TERMINATED || Background.isWaiting(ranOn.get(0))));
            call.rethrowNotImplemented();
            boolean endedWhileHeld = call.isDone() && finished.get() < n - 1;
            if (seen == Background.Seen.RETURNED || endedWhileHeld) {
                if (endedWhileHeld) {
                    fail("runAll %s when task 0 threw, while the other %d tasks were still running: a task that "
                            + "throws ends only its own thread. runAll must still wait for every other thread "
                            + "(join() them all; do not let the failure of one task end the wait)",
                            call.thrown() == null ? "returned" : "threw " + call.thrown(), n - 1);
                }
                return;   // returned without waiting at all: the tests that wait for held tasks name that
            }
            for (int i = 1; i < n; i++) {
                releases.get(i).countDown();
            }
            if (!call.join(Delays.CEILING)) {
                fail("runAll had not returned %d s after every task had ended (task 0 threw, the others returned; "
                        + "runAll is %s): a task that threw must still count as finished. Whatever signals the end "
                        + "of a task (a latch's countDown(), a counter) belongs in a finally block; join() needs no "
                        + "signal at all", Delays.CEILING.toSeconds(), Background.where(call.thread()));
            }
        } finally {
            releases.forEach(CountDownLatch::countDown);
            call.stop();
        }
    }

    /**
     * Task {@code me}: notes its thread, counts itself arrived, waits until its release (at most
     * {@link Background#HOLD}), then counts itself finished.
     */
    private static Runnable heldTask(int me, AtomicReferenceArray<Thread> ranOn, AtomicInteger arrived,
                                     List<CountDownLatch> releases, AtomicInteger finished) {
        return () -> {
            ranOn.set(me, Thread.currentThread());
            arrived.incrementAndGet();
            try {
                releases.get(me).await(Background.HOLD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        };
    }
}
