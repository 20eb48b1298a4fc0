package course.lesson06;

import java.util.function.Supplier;

/**
 * A lazily initialised, safely published holder for one value: a singleton created on first use.
 *
 * <p>The supplier runs exactly once, on the first {@link #get()}, however many threads race to
 * call it; every caller receives the same object. Implemented with double-checked locking: the
 * value lives in a {@code volatile} field, read without a lock on the fast path; only while it
 * is still {@code null} does {@code get()} lock, check again, and create it.
 *
 * <pre>{@code
 * private static final Lazy<Registry> REGISTRY = new Lazy<>(Registry::load);
 * ...
 * REGISTRY.get().lookup("x");   // loads once, on the first call, from whichever thread
 * }</pre>
 *
 * <p>If the supplier throws, {@code get()} throws the same exception and a later call tries
 * again. The supplier must not return {@code null}.
 *
 * <p>Memory consistency effects: actions of the thread that runs the supplier, up to its return,
 * happen-before the return of every {@code get()} in any thread, because the value is published
 * by a volatile write and read by volatile reads.
 */
public class Lazy<T> {

    private final Supplier<? extends T> supplier;
    private volatile T value;

    /** @param supplier creates the value; called at most once, by the first {@link #get()} */
    public Lazy(Supplier<? extends T> supplier) {
        this.supplier = supplier;
    }

    /** The value, created by the supplier on the first call. */
    public T get() {
        T result = value;                  // one volatile read on the fast path
        if (result != null) {
            return result;
        }
        synchronized (this) {
            result = value;
            if (result == null) {
                result = supplier.get();
                if (result == null) {
                    throw new NullPointerException("the supplier returned null");
                }
                value = result;            // volatile write publishes the finished object
            }
            return result;
        }
    }
}
