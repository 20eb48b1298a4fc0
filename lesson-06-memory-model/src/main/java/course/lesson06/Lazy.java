package course.lesson06;

import java.util.function.Supplier;

/**
 * Exercise 4 · A lazily initialised, safely published singleton holder.
 *
 * <p>Holds one value that is created on the first call to {@link #get()}, not earlier, and
 * never again: the supplier runs exactly once, even when many threads call {@code get()} for
 * the first time at the same moment. Every caller receives the same, fully constructed object.
 * Typical use is a singleton that is expensive to build:
 *
 * <pre>{@code
 * private static final Lazy<Registry> REGISTRY = new Lazy<>(Registry::load);
 * ...
 * REGISTRY.get().lookup("x");
 * }</pre>
 *
 * <p>Build it with double-checked locking: {@code get()} first reads the field without a lock
 * and returns the value if it is there (the fast path, taken by every call after the first);
 * only while the value is missing does it take the lock, check again, and create the value.
 * The fast-path read happens outside the lock, so only a field declared the right way makes the
 * creating thread's writes (the object's contents, not just the reference) visible to it.
 */
public class Lazy<T> {

    private final Supplier<? extends T> supplier;

    /** @param supplier creates the value; called at most once, by the first {@link #get()} */
    public Lazy(Supplier<? extends T> supplier) {
        this.supplier = supplier;
    }

    /** The value, created by the supplier on the first call. */
    public T get() {
        throw new UnsupportedOperationException(
                "not implemented yet: Lazy.get() — create the value once with double-checked locking on a volatile field");
    }
}
