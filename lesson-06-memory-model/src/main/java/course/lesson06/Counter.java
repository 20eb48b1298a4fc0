package course.lesson06;

/**
 * A counter that several threads may change at the same time.
 *
 * <p>Exercise 2 builds it three ways: {@link LockedCounter} (an intrinsic lock),
 * {@link AtomicCounter} (an atomic variable) and {@link AdderCounter} (a {@code LongAdder}).
 * {@link RacyCounter} is the broken baseline the demos use.
 */
public interface Counter {

    /** Adds one. */
    void increment();

    /** Subtracts one. */
    void decrement();

    /** The current value. */
    long get();
}
