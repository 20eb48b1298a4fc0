package course.lesson02;

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
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

@DisplayName("Exercise 2 · start() vs run(), then join")
class TaskRunnerTest {
    private static final int TASKS = 4;

    @Test
    @Points(3)
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
    @Points(3)
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
    @DisplayName("returns only after every task has finished")
    void returnsOnlyWhenAllTasksHaveFinished() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger arrived = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(() -> {
                arrived.incrementAndGet();
                try {
                    release.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.incrementAndGet();
            });
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().name("caller").start(() -> {
            try {
                TaskRunner.runAll(tasks);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        try {
            // The caller either waits (in join) while the tasks are held, or returns early.
            await().atMost(Delays.CEILING).until(() -> !caller.isAlive()
                    || arrived.get() == TASKS && isWaiting(caller));
            boolean returnedEarly = !caller.isAlive();
            int finishedWhenReturned = finished.get();
            release.countDown();
            caller.join(Delays.CEILING);
            rethrowNotImplemented(thrown.get());
            if (returnedEarly) {
                fail("runAll returned while its tasks were still running (%d of %d had finished): "
                        + "did you forget to join() the threads?", finishedWhenReturned, TASKS);
            }
            assertThat(thrown.get()).as("runAll threw").isNull();
            assertThat(finished.get()).as("tasks finished when runAll returned").isEqualTo(TASKS);
        } finally {
            release.countDown();
            caller.join(Delays.CEILING);
        }
    }

    private static boolean isWaiting(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static void rethrowNotImplemented(Throwable t) {
        if (t instanceof UnsupportedOperationException u) {
            throw u;
        }
    }
}
