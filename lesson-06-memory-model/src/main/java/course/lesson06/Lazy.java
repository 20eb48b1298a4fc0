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
 * <p>The contract, which the tests check through behaviour:
 * <ul>
 *   <li>the supplier runs on the first {@code get()}, not before, and exactly once, however many
 *       threads race to call {@code get()} first; every caller receives the same object;</li>
 *   <li>once the value exists, {@code get()} returns it without waiting for a lock (the fast
 *       path, taken by every call after the first);</li>
 *   <li>if the supplier throws, {@code get()} throws the same exception, keeps nothing, and a
 *       later call tries again;</li>
 *   <li>the value is <em>safely published</em>: a thread that gets it on the fast path sees the
 *       object fully constructed.</li>
 * </ul>
 * The classic way is double-checked locking: read the field without a lock and return the value
 * if it is there; only while it is missing take the lock, check again, and create it. The
 * fast-path read happens outside the lock, so it needs a happens-before edge of its own from the
 * creating thread's writes: a {@code volatile} field, or a holder object whose {@code final}
 * field carries the value, or a {@code volatile} "ready" flag written after the value.
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
