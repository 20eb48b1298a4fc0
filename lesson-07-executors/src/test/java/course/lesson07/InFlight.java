package course.lesson07;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts tasks running right now and remembers the largest number seen at once. */
final class InFlight {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    void enter() {
        int n = now.incrementAndGet();
        max.accumulateAndGet(n, Math::max);
    }

    void exit() {
        now.decrementAndGet();
    }

    int now() {
        return now.get();
    }

    int max() {
        return max.get();
    }
}
