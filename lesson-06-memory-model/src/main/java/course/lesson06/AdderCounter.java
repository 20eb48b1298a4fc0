package course.lesson06;

/**
 * Exercise 2c · A counter for heavy write contention, built on {@code LongAdder}.
 *
 * <p>A {@code LongAdder} spreads updates over several cells, so threads on different cores
 * rarely fight over the same cache line; reading sums the cells. Use it where many threads
 * update and few read.
 */
public class AdderCounter implements Counter {

    @Override
    public void increment() {
        throw new UnsupportedOperationException(
                "not implemented yet: AdderCounter.increment() — keep the value in a java.util.concurrent.atomic.LongAdder and add one");
    }

    @Override
    public void decrement() {
        throw new UnsupportedOperationException(
                "not implemented yet: AdderCounter.decrement() — subtract one from the LongAdder");
    }

    @Override
    public long get() {
        throw new UnsupportedOperationException(
                "not implemented yet: AdderCounter.get() — return the LongAdder's sum");
    }
}
