package course.lesson06;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free counter built on an {@link AtomicLong}.
 *
 * <p>Each update is a single atomic read-modify-write (a compare-and-set loop in hardware), so
 * no update is lost and no thread ever waits for a lock. Good when few threads contend; under
 * heavy contention prefer {@link AdderCounter}.
 *
 * <pre>{@code
 * Counter requests = new AtomicCounter();
 * requests.increment();          // from any thread
 * long seen = requests.get();    // the latest value
 * }</pre>
 *
 * <p>Memory consistency effects: as for {@code volatile} variables: actions in a thread prior to
 * an update happen-before actions subsequent to a {@code get()} that sees that update.
 */
public class AtomicCounter implements Counter {

    private final AtomicLong value = new AtomicLong();

    @Override
    public void increment() {
        value.incrementAndGet();
    }

    @Override
    public void decrement() {
        value.decrementAndGet();
    }

    @Override
    public long get() {
        return value.get();
    }
}
