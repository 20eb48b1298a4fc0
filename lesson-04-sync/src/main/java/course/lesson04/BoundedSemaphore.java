package course.lesson04;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise 3 · A counting semaphore that refuses to grow: Python's {@code BoundedSemaphore} in Java.
 *
 * <p>A semaphore holds a number of permits. {@link #acquire()} takes one, waiting while none is
 * left; {@link #release()} gives one back and lets a waiting thread go on. Unlike
 * {@link java.util.concurrent.Semaphore}, which lets any thread release as often as it likes (so a
 * bug can silently raise the limit), this one never holds more than the permits it was created
 * with: a {@code release()} that would exceed them throws {@link IllegalStateException} and changes
 * nothing.
 *
 * <p>Build it yourself on the {@link Lock} passed to the constructor and a condition made from it
 * with {@code lock.newCondition()} (the tests pass in a lock of their own to watch the waiting);
 * do not wrap {@code java.util.concurrent.Semaphore}. A thread that waits for a permit blocks
 * (parks), it does not spin; it goes on only when a permit is really free, whatever woke it; an
 * interrupt while it waits ends the wait with {@link InterruptedException} and takes no permit.
 * Every method leaves the lock free when it returns or throws.
 */
public class BoundedSemaphore {
    private final int permits;
    private final Lock lock;

    /** A semaphore with {@code permits} permits, all available, with its own lock. */
    public BoundedSemaphore(int permits) {
        this(permits, new ReentrantLock());
    }

    /** A semaphore with {@code permits} permits, all available, built on {@code lock}. */
    public BoundedSemaphore(int permits, Lock lock) {
        if (permits < 1) {
            throw new IllegalArgumentException("a semaphore needs at least one permit: " + permits);
        }
        this.permits = permits;
        this.lock = lock;
    }

    /**
     * Takes a permit, waiting until one is available.
     *
     * @throws InterruptedException if the thread is interrupted while waiting; no permit is taken
     */
    public void acquire() throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedSemaphore.acquire: wait until a permit is free, then take it");
    }

    /**
     * Gives a permit back and lets one waiting thread go on.
     *
     * @throws IllegalStateException if every permit is already available (nothing to release); nothing changes
     */
    public void release() {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedSemaphore.release: give a permit back and wake a waiter, or throw IllegalStateException if none was taken");
    }

    /** How many permits are free right now. */
    public int availablePermits() {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedSemaphore.availablePermits: return the number of free permits");
    }

    /** How many permits this semaphore was created with. */
    public int permits() {
        return permits;
    }
}
