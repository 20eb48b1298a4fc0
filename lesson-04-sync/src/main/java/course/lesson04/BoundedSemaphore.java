package course.lesson04;

/**
 * Exercise 3 · A counting semaphore that refuses to grow: Python's {@code BoundedSemaphore} in Java.
 *
 * <p>A semaphore holds a number of permits. {@link #acquire()} takes one, waiting while none is
 * left; {@link #release()} gives one back and wakes a waiting thread. Unlike
 * {@link java.util.concurrent.Semaphore}, which lets any thread release as often as it likes (so a
 * bug can silently raise the limit), this one never holds more than the permits it was created
 * with: a {@code release()} that would exceed them throws {@link IllegalStateException} and changes
 * nothing.
 *
 * <p>Build it yourself with a lock and a condition (or {@code synchronized} with
 * {@code wait}/{@code notify}); do not wrap {@code java.util.concurrent.Semaphore}. A thread that
 * waits for a permit must block (park), not spin in a loop burning a core.
 */
public class BoundedSemaphore {
    private final int permits;

    /** A semaphore with {@code permits} permits, all available. */
    public BoundedSemaphore(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a semaphore needs at least one permit: " + permits);
        }
        this.permits = permits;
    }

    /** Takes a permit, waiting until one is available. */
    public void acquire() throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedSemaphore.acquire: wait (while no permit is left) on a condition, then take a permit");
    }

    /** Gives a permit back and wakes one waiting thread; throws IllegalStateException if all permits are already back. */
    public void release() {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedSemaphore.release: give a permit back and signal a waiter, or throw IllegalStateException if none was taken");
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
