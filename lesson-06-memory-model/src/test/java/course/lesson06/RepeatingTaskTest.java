package course.lesson06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import course.grading.Background;
import course.grading.Delays;
import course.grading.Points;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loop's behaviour is checked by deterministic scenarios. Whether a JIT keeps re-reading a
 * plain field is up to the JIT, so the flag's visibility is checked where it matters: in a child
 * JVM that compiles the loop with C2 (which does hoist a plain field out of a loop), stop() is
 * called once the compiled loop runs, and the worker must stop. No test reads the code's
 * declarations: a volatile field, an AtomicBoolean or synchronized accessors all pass.
 */
@DisplayName("Exercise 3 · A stop flag the worker is sure to see")
class RepeatingTaskTest {

    /** How long the probe JVM may take in total. */
    private static final Duration PROBE_CEILING = Duration.ofSeconds(60);

    /** Thrown by the test's step to end a worker that ignores stop(), so no thread is leaked. */
    private static final class Abort extends RuntimeException {
        Abort() {
            super("aborted by the test: the task ignored stop()", null, false, false);
        }
    }

    @Test
    @Points(3)
    @Timeout(90)
    @DisplayName("a worker whose loop the C2 JIT has compiled still sees stop() from another thread")
    void compiledLoopSeesStop() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-XX:-BackgroundCompilation",
                "-Xshare:auto", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StopFlagProbe.class.getName(), Long.toString(PROBE_CEILING.toMillis() / 2),
                Long.toString(Delays.CEILING.toMillis()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            // A ceiling far above what the probe needs (a few seconds even on a busy machine): the probe
            // bounds every wait of its own, so only a JVM that cannot start at all gets here.
            if (!child.waitFor(PROBE_CEILING.toSeconds(), TimeUnit.SECONDS)) {
                fail("the probe JVM that runs RepeatingTask with the C2 compiler did not finish within "
                        + PROBE_CEILING.toSeconds() + " s");
            }
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } finally {
            child.destroyForcibly();
        }
        String last = output.lines().reduce((first, second) -> second).orElse("");
        if (last.startsWith("UNSUPPORTED ")) {
            throw new UnsupportedOperationException(last.substring("UNSUPPORTED ".length()));
        }
        if (last.startsWith("STOP-BLOCKED")) {
            fail("stop(), called from another thread while run() looped, was still waiting %d s later: run() holds the "
                    + "lock stop() needs for the whole loop, so stop() can never set the flag (a synchronized run() does "
                    + "that). Lock only around each read and write of the flag (synchronized accessors), or use a "
                    + "volatile boolean or an AtomicBoolean", Delays.CEILING.toSeconds());
        }
        if (last.startsWith("STILL-RUNNING")) {
            fail("the worker never saw stop(): in a JVM that compiles the loop with C2, stop() was called from "
                    + "another thread while run() looped, and %d s later the worker was still running. Nothing orders "
                    + "stop()'s write before run()'s reads, so the JIT read the flag once, before the loop, and keeps "
                    + "using that value: the Java Memory Model allows it. Make the write visible to the worker: a "
                    + "volatile boolean, an AtomicBoolean, or reading and writing the flag under the same lock "
                    + "(synchronized accessors).", Delays.CEILING.toSeconds());
        }
        assertThat(last)
                .withFailMessage("the probe JVM that runs RepeatingTask with the C2 compiler reported: %s", output)
                .startsWith("STOPPED");
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

        Background<Void> worker = Background.run("repeating-task", task::run);
        await().atMost(Delays.CEILING)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(1))
                .until(() -> running.getCount() == 0 || worker.isDone());
        if (running.getCount() != 0) {
            worker.join("run()");
            fail("run() returned after only %d step(s) although nobody called stop(): it must repeat the step "
                    + "in a loop until stop() is called", steps.get());
        }
        // stop() is called from a thread of its own, so that a stop() that cannot even begin (it waits for a lock
        // the running loop holds) is reported as such instead of hanging the test.
        Background<Void> stopper = Background.run("calls stop()", task::stop);
        stopper.thread().join(Delays.CEILING);
        if (!stopper.isDone()) {
            String where = Background.where(stopper.thread());
            abort.set(true);
            worker.thread().join(Delays.CEILING);
            stopper.thread().join(Delays.CEILING);
            fail("stop() called from another thread while run() looped was still waiting %d s later (it is %s): run() "
                    + "holds the lock stop() needs for the whole loop, so stop() can never set the flag (a synchronized "
                    + "run() does that). Lock only around each read and write of the flag (synchronized accessors), "
                    + "or use a volatile boolean or an AtomicBoolean", Delays.CEILING.toSeconds(), where);
        }
        stopper.get("stop()");
        worker.thread().join(Delays.CEILING);
        boolean ignoredStop = worker.thread().isAlive();
        abort.set(true);
        worker.thread().join(Delays.CEILING);
        if (ignoredStop) {
            fail("the worker was still running %d s after stop() was called from another thread (%d steps so far): "
                    + "run() must check the flag before every step, and the flag's write must be visible to the "
                    + "worker (volatile, an AtomicBoolean, or a lock)", Delays.CEILING.toSeconds(), steps.get());
        }
        if (worker.isDone()) {
            worker.get("");
        }
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
