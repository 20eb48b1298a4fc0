package course.lesson06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import course.grading.Delays;
import course.grading.Points;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Whether a JIT happens to keep re-reading a plain field is luck, so the flag's correctness is
 * checked by what the code declares (the field's modifiers), and the loop's behaviour by
 * deterministic scenarios.
 */
@DisplayName("Exercise 3 · A stop flag that the worker thread is sure to see")
class RepeatingTaskTest {

    /** Thrown by the test's step to end a worker that ignores stop(), so no thread is leaked. */
    private static final class Abort extends RuntimeException {
        Abort() {
            super("aborted by the test: the task ignored stop()", null, false, false);
        }
    }

    @Test
    @Points(3)
    @DisplayName("declares its stop flag volatile (or uses an AtomicBoolean)")
    void flagIsVolatile() {
        RepeatingTask task = new RepeatingTask(() -> { });
        task.stop();

        List<Field> flags = Arrays.stream(RepeatingTask.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers()))
                .filter(f -> f.getType() == boolean.class || f.getType() == Boolean.class)
                .toList();
        boolean atomicFlag = Arrays.stream(RepeatingTask.class.getDeclaredFields())
                .anyMatch(f -> f.getType() == AtomicBoolean.class);
        if (flags.isEmpty() && !atomicFlag) {
            fail("RepeatingTask has no boolean stop flag field: keep the stop request in an instance field "
                    + "(a volatile boolean) that stop() sets and run() checks before every step");
        }
        for (Field flag : flags) {
            assertThat(Modifier.isVolatile(flag.getModifiers()))
                    .withFailMessage("""
                            the stop flag '%s' is a plain boolean. stop() writes it on one thread and run() reads \
                            it on another with no happens-before edge between them, so the Java Memory Model does \
                            not promise the worker ever sees the write: the JIT may read the field once, before \
                            the loop, and spin forever (it often does once the loop is compiled). Declare it \
                            'volatile boolean %s': a volatile write happens-before every later read of it.""",
                            flag.getName(), flag.getName())
                    .isTrue();
        }
    }

    @Test
    @Points(3)
    @DisplayName("stops soon after another thread calls stop()")
    void stopsWhenAnotherThreadCallsStop() throws Exception {
        AtomicLong steps = new AtomicLong();
        AtomicBoolean abort = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(3);
        RepeatingTask task = new RepeatingTask(() -> {
            if (abort.get()) {
                throw new Abort();
            }
            steps.incrementAndGet();
            running.countDown();
            Thread.onSpinWait();
        });

        Worker worker = Worker.start("repeating-task", task::run);
        await().atMost(Delays.CEILING)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(1))
                .until(() -> running.getCount() == 0 || worker.finished());
        if (running.getCount() != 0) {
            worker.join("run()");
            fail("run() returned after only %d step(s) although nobody called stop(): it must repeat the step "
                    + "in a loop until stop() is called", steps.get());
        }
        task.stop();
        worker.thread.join(Delays.CEILING);
        boolean ignoredStop = worker.thread.isAlive();
        abort.set(true);
        worker.thread.join(Delays.CEILING);
        if (ignoredStop) {
            fail("the worker was still running %d s after stop() was called from another thread (%d steps so far): "
                    + "run() must check the flag before every step, and the flag must be volatile so the worker "
                    + "sees the write", Delays.CEILING.toSeconds(), steps.get());
        }
        worker.rethrow();
        assertThat(steps.get()).as("steps that ran before stop()").isGreaterThanOrEqualTo(3);
    }

    @Test
    @Points(2)
    @DisplayName("runs no step at all when stop() came before run()")
    void stoppedBeforeRunRunsNothing() {
        AtomicLong steps = new AtomicLong();
        RepeatingTask task = new RepeatingTask(() -> {
            if (steps.incrementAndGet() >= 1_000) {
                throw new Abort();
            }
        });
        task.stop();
        try {
            task.run();
        } catch (Abort e) {
            fail("run() after stop() kept running the step (1000 steps and counting): once stopped, a task "
                    + "stays stopped. Does run() reset the flag when it starts?");
        }
        assertThat(steps.get())
                .withFailMessage("run() after stop() ran the step %d time(s): check the flag before each step, "
                        + "including the first (a while loop, not do-while)", steps.get())
                .isZero();
    }

    @Test
    @Points(2)
    @DisplayName("ends right after the step in which stop() was called")
    void stopInsideAStepEndsTheLoop() {
        AtomicLong steps = new AtomicLong();
        RepeatingTask[] self = new RepeatingTask[1];
        self[0] = new RepeatingTask(() -> {
            long n = steps.incrementAndGet();
            if (n == 5) {
                self[0].stop();
            }
            if (n >= 1_000) {
                throw new Abort();
            }
        });
        try {
            self[0].run();
        } catch (Abort e) {
            fail("stop() called inside the 5th step did not end the loop (1000 steps and counting): run() must "
                    + "check the flag before every step");
        }
        assertThat(steps.get())
                .withFailMessage("stop() was called during step 5, so step 5 must be the last one, but %d steps ran",
                        steps.get())
                .isEqualTo(5);
    }
}
