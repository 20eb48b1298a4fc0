package course.lesson07;

import course.grading.Delays;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One shared ceiling for all the waits of one test, so that broken code that never reaches a
 * rendezvous costs the test {@link Delays#CEILING} once, not once per task. A correct solution
 * never comes near it.
 */
final class Deadline {
    private final long end = System.nanoTime() + Delays.CEILING.toNanos();

    long remainingNanos() {
        return Math.max(0, end - System.nanoTime());
    }

    /** What is left, as a Duration. */
    Duration remaining() {
        return Duration.ofNanos(remainingNanos());
    }

    /** Waits for the latch until the deadline; {@code false} when the deadline passed first. */
    boolean await(CountDownLatch latch) throws InterruptedException {
        return latch.await(remainingNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits at the barrier until the deadline; {@code false} when it did not trip in time. */
    boolean await(CyclicBarrier barrier) throws InterruptedException {
        try {
            barrier.await(remainingNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | BrokenBarrierException e) {
            return false;
        }
    }
}
