package course.lesson07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import course.grading.Background;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Interrupts a caller while it waits for the results of tasks that are still running, and requires
 * the call to end with {@link InterruptedException}. The tasks stay blocked until the caller has either
 * ended or gone back to waiting with its interrupt status clear (in {@code get()}/{@code take()} again:
 * it swallowed the interrupt; or in {@code close()}: it lets the tasks finish before it throws), so a
 * result that completes at the wrong moment can never hide the interrupt.
 */
final class InterruptWhileWaiting {
    private InterruptWhileWaiting() {
    }

    /**
     * @param call   what the student's method is called, for the messages
     * @param tasks  how many tasks {@code caller} starts, all at the same time
     * @param caller runs the student's method with the given task on every input
     */
    static void check(String call, int tasks, Function<CheckedFunction<Integer, Integer>, Callable<?>> caller) {
        CountDownLatch mayFinish = new CountDownLatch(1);
        InFlight inFlight = new InFlight();
        Deadline deadline = new Deadline();

        // An untimed wait: a timed one on a virtual thread would start a JDK timer thread. The test
        // always opens the latch, and an interrupt (shutdownNow) ends the wait too.
        Background<?> running = Background.start("caller", caller.apply(x -> {
            inFlight.enter();
            try {
                mayFinish.await();
            } finally {
                inFlight.exit();
            }
            return x;
        }));
        try {
            boolean neverWaited = false;
            try {
                await().atMost(Duration.ofNanos(Math.max(1_000_000, deadline.remainingNanos())))
                        .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> running.isDone()
                                || (inFlight.now() == tasks && TaskThreads.finishedTask(running.thread())));
            } catch (ConditionTimeoutException e) {
                neverWaited = true;   // the caller never waited with every task running: reported below
            }
            if (neverWaited && !running.isDone() && inFlight.now() == tasks) {
                fail("%s never waited for its %d blocked tasks: its thread stayed %s (at %s) the whole time. That is"
                                + " busy-waiting (poll() or isDone() in a loop): it burns a core and never notices an"
                                + " interrupt. Wait in take() or get(), which park the thread", call, tasks,
                        running.thread().getState(), Background.where(running.thread()));
            }
            if (running.isDone()) {
                NotImplemented.rethrow(running.thrown());
                fail("%s ended while its %d tasks were still running: it must wait for their results (it %s)", call,
                        tasks, running.thrown() != null ? "threw " + running.thrown() : "returned " + running.value());
            }
            running.interrupt();
            try {
                await().atMost(Duration.ofNanos(Math.max(1_000_000, deadline.remainingNanos())))
                        .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> running.isDone()
                                || (!running.thread().isInterrupted() && TaskThreads.finishedTask(running.thread())));
            } catch (ConditionTimeoutException e) {
                // reported below
            }
        } finally {
            mayFinish.countDown();
        }
        running.join(new Deadline().remaining());
        running.stop();
        assertThat(running.thrown())
                .withFailMessage("the calling thread was interrupted while %s waited for the results, but %s %s: never"
                                + " swallow the interrupt. Let the InterruptedException out (stop the tasks with"
                                + " shutdownNow() first)", call, call,
                        running.thrown() != null ? "threw " + running.thrown() : "returned " + running.value())
                .isInstanceOf(InterruptedException.class);
    }
}
