package course.lesson07;

import course.grading.Background;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/** Counts tasks running right now and remembers the largest number seen at once. */
final class InFlight {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    void enter() {
        int n = now.incrementAndGet();
        max.accumulateAndGet(n, Math::max);
    }

    void exit() {
        now.decrementAndGet();
    }

    int now() {
        return now.get();
    }

    int max() {
        return max.get();
    }

    /**
     * Waits, at most until {@code deadline}, for one of: the caller has returned; more than
     * {@code workers} tasks ran at once; {@code workers} are in flight while the caller waits for one
     * of them (every task submitted). Which one it was, the test's assertions say.
     */
    void awaitPoolSettled(Background<?> caller, int workers, Deadline deadline) {
        try {
            await().atMost(Duration.ofNanos(Math.max(1_000_000, deadline.remainingNanos())))
                    .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> caller.isDone() || max() > workers
                            || (now() == workers && TaskThreads.finishedTask(caller.thread())));
        } catch (ConditionTimeoutException e) {
            // fewer than `workers` tasks ever ran together: the assertions that follow say why
        }
    }
}
