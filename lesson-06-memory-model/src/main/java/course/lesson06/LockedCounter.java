package course.lesson06;

/**
 * Exercise 2a · A counter guarded by an intrinsic lock.
 *
 * <p>Every access to the value (increment, decrement and the read in {@code get()}) must happen
 * while holding the counter's own monitor ({@code this}). That makes each update atomic and,
 * because unlocking a monitor happens-before every later locking of it, makes every update
 * visible to the next thread that takes the lock. Callers may lock the counter themselves to
 * make a compound action atomic, so the lock must be {@code this}, not a private object.
 */
public class LockedCounter implements Counter {

    @Override
    public void increment() {
        throw new UnsupportedOperationException(
                "not implemented yet: LockedCounter.increment() — add one while holding the counter's own lock (this)");
    }

    @Override
    public void decrement() {
        throw new UnsupportedOperationException(
                "not implemented yet: LockedCounter.decrement() — subtract one while holding the counter's own lock (this)");
    }

    @Override
    public long get() {
        throw new UnsupportedOperationException(
                "not implemented yet: LockedCounter.get() — read the value while holding the counter's own lock (this)");
    }
}
