package course.lesson06;

import java.util.concurrent.atomic.LongAdder;

/**
 * A counter for heavy write contention, built on a {@link LongAdder}.
 *
 * <p>Updates go to one of several cells chosen per thread, so threads on different cores rarely
 * contend for the same memory; {@code get()} sums the cells. The sum is exact once updates have
 * stopped; read while updates run, it is a value the counter passed through or is passing
 * through, not an atomic snapshot.
 *
 * <pre>{@code
 * Counter hits = new AdderCounter();
 * pool.submit(hits::increment);  // from many threads
 * ...                            // after the updaters have finished (join, awaitTermination)
 * long total = hits.get();
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread prior to an update happen-before actions
 * subsequent to a {@code get()} whose sum includes that update.
 */
public class AdderCounter implements Counter {

    private final LongAdder value = new LongAdder();

    @Override
    public void increment() {
        value.increment();
    }

    @Override
    public void decrement() {
        value.decrement();
    }

    @Override
    public long get() {
        return value.sum();
    }
}
