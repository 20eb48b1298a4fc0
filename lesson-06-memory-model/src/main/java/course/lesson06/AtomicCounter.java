package course.lesson06;

/**
 * Exercise 2b · A lock-free counter built on an atomic variable.
 *
 * <p>Keep the value in a {@code java.util.concurrent.atomic} variable and update it with one
 * atomic operation. No thread ever waits for a lock: the hardware's compare-and-set does the
 * work, and an atomic variable has {@code volatile} visibility.
 */
public class AtomicCounter implements Counter {

    @Override
    public void increment() {
        throw new UnsupportedOperationException(
                "not implemented yet: AtomicCounter.increment() — keep the value in an AtomicLong and add one atomically");
    }

    @Override
    public void decrement() {
        throw new UnsupportedOperationException(
                "not implemented yet: AtomicCounter.decrement() — subtract one atomically from the AtomicLong");
    }

    @Override
    public long get() {
        throw new UnsupportedOperationException(
                "not implemented yet: AtomicCounter.get() — return the AtomicLong's value");
    }
}
