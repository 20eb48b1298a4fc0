package course.lesson06;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingStream;

/**
 * Not a test: the main class of a child JVM that {@link RepeatingTaskTest} starts with the C2
 * compiler only and synchronous compilation ({@code -XX:-TieredCompilation
 * -XX:-BackgroundCompilation}).
 *
 * <p>It runs a {@link RepeatingTask} with an empty step on a worker thread, waits until the JIT
 * reports (through a JFR {@code jdk.Compilation} event) that C2 has compiled the loop of
 * {@code RepeatingTask} for the running worker (an on-stack replacement at level 4), then calls
 * {@code stop()} from the main thread and prints whether the worker stopped. A flag whose write
 * is guaranteed to become visible (volatile, an atomic, a lock) makes the compiled loop read it
 * again; a plain field may be read once, before the loop, and then the worker never stops, which
 * is what the Java Memory Model allows and what C2 does.
 */
final class StopFlagProbe {

    private StopFlagProbe() {
    }

    public static void main(String[] args) throws Exception {
        long compileWaitMillis = Long.parseLong(args[0]);   // how long the JIT may take to compile the loop
        long ceilingMillis = Long.parseLong(args[1]);       // how long a stopped worker may take to end
        CountDownLatch compiled = new CountDownLatch(1);
        String result;
        RecordingStream events = null;
        try {
            events = new RecordingStream();
            events.enable("jdk.Compilation").withThreshold(Duration.ZERO);
            events.onEvent("jdk.Compilation", e -> {
                RecordedMethod m = e.getValue("method");
                if (m != null && m.getType().getName().equals(RepeatingTask.class.getName()) && e.getBoolean("isOsr")
                        && e.getInt("compileLevel") == 4) {                  // C2, not C1
                    compiled.countDown();
                }
            });
            events.startAsync();
        } catch (RuntimeException | Error noJfr) {
            // without JFR the probe cannot see the compilation: it waits the ceiling instead
        }
        {
            RepeatingTask task = new RepeatingTask(() -> { });
            Throwable[] failure = new Throwable[1];
            Thread worker = new Thread(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }, "probe-worker");
            worker.setDaemon(true);
            worker.start();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(compileWaitMillis);
            boolean sawCompile = false;
            while (!sawCompile && worker.isAlive() && System.nanoTime() < deadline) {
                sawCompile = compiled.await(10, TimeUnit.MILLISECONDS);
            }
            try {
                // stop() on a thread of its own: a stop() that waits for a lock the loop holds is reported, not hung on
                Throwable[] stopFailure = new Throwable[1];
                Thread stopper = new Thread(() -> {
                    try {
                        task.stop();
                    } catch (Throwable t) {
                        stopFailure[0] = t;
                    }
                }, "probe-stopper");
                stopper.setDaemon(true);
                stopper.start();
                stopper.join(ceilingMillis);
                if (stopFailure[0] != null) {
                    throw stopFailure[0];
                }
                if (stopper.isAlive()) {
                    result = "STOP-BLOCKED " + stopper.getState();
                } else {
                    worker.join(ceilingMillis);
                    if (failure[0] != null) {
                        throw failure[0];
                    }
                    result = (worker.isAlive() ? "STILL-RUNNING" : "STOPPED") + (sawCompile ? " compiled" : " not-compiled");
                }
            } catch (UnsupportedOperationException e) {
                result = "UNSUPPORTED " + e.getMessage();
            } catch (Throwable t) {
                result = "FAILED " + t;
            }
        }
        System.out.println(result);
        System.out.flush();
        Runtime.getRuntime().halt(0);   // no orderly shutdown: a worker may still spin, the stream is not closed
    }
}
