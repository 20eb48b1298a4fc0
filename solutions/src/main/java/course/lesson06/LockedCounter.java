package course.lesson06;

/**
 * A counter whose every access is guarded by its own intrinsic lock.
 *
 * <p>{@code increment()}, {@code decrement()} and {@code get()} are {@code synchronized} on the
 * counter itself, so updates never interleave and a reader always sees the latest update.
 * Because the lock is the counter, callers can make a compound action atomic by holding it:
 *
 * <pre>{@code
 * LockedCounter seats = new LockedCounter();
 * synchronized (seats) {            // check-then-act as one step
 *     if (seats.get() < capacity) seats.increment();
 * }
 * }</pre>
 *
 * <p>Memory consistency effects: an unlock of a monitor happens-before every subsequent lock of
 * that monitor, so actions in a thread prior to an update happen-before actions subsequent to
 * any later {@code get()} or update of the same counter in another thread.
 */
public class LockedCounter implements Counter {

    private long value;

    @Override
    public synchronized void increment() {
        value++;
    }

    @Override
    public synchronized void decrement() {
        value--;
    }

    @Override
    public synchronized long get() {
        return value;
    }
}
