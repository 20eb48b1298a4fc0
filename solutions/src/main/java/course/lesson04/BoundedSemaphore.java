package course.lesson04;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counting semaphore that never holds more permits than it was created with.
 *
 * <p>{@link #acquire()} takes a permit, blocking while none is available; {@link #release()} gives
 * one back and wakes one waiting thread. Unlike {@link java.util.concurrent.Semaphore}, releasing a
 * permit that was not taken is an error: {@code release()} throws {@link IllegalStateException}
 * when all permits are already available, so a double release shows up at once instead of
 * silently raising the limit. Permits are not tied to threads: any thread may release a permit
 * another thread acquired.
 *
 * <p>Waiting threads park on a {@link Condition} and re-check the count after every wake-up. The
 * semaphore is not fair: a thread that arrives just as a permit is released may overtake one that
 * has been waiting.
 *
 * <p><b>Sample usage:</b> at most four lookups at a time.
 * <pre>{@code
 * BoundedSemaphore connections = new BoundedSemaphore(4);
 * connections.acquire();
 * try {
 *     lookUp(domain);
 * } finally {
 *     connections.release();
 * }
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread before it calls {@code release()}
 * happen-before the actions following a successful {@code acquire()} in another thread.
 */
public class BoundedSemaphore {
    private final int permits;
    private final Lock lock;
    private final Condition permitFree;
    private int available; // guarded by lock

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
        this.available = permits;
        this.lock = lock;
        this.permitFree = lock.newCondition();
    }

    /**
     * Takes a permit, waiting until one is available.
     *
     * @throws InterruptedException if the thread is interrupted while waiting; no permit is taken
     */
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (available == 0) {
                permitFree.await();
            }
            available--;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives a permit back and wakes one waiting thread.
     *
     * @throws IllegalStateException if every permit is already available (nothing to release);
     *         nothing changes
     */
    public void release() {
        lock.lock();
        try {
            if (available == permits) {
                throw new IllegalStateException("released more permits than were acquired: all "
                        + permits + " permits are already available");
            }
            available++;
            permitFree.signal();
        } finally {
            lock.unlock();
        }
    }

    /** How many permits are free right now. */
    public int availablePermits() {
        lock.lock();
        try {
            return available;
        } finally {
            lock.unlock();
        }
    }

    /** How many permits this semaphore was created with. */
    public int permits() {
        return permits;
    }
}
