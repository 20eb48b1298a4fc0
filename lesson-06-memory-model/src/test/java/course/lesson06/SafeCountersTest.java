package course.lesson06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import course.grading.Background;
import course.grading.Delays;
import course.grading.Interleaving;
import course.grading.Points;
import java.time.Duration;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lecture's experiment, in Java: one thread adds, one subtracts, the counter must end at 0.
 * LockedCounter is also checked for the lock it must take (its contract: the counter's own
 * monitor); AtomicCounter and AdderCounter for never waiting for that lock. No test reads field
 * types or modifiers.
 */
@DisplayName("Exercise 2 · Three safe counters: lock, atomic, adder")
class SafeCountersTest {

    private static final int STEPS = 200_000;

    static Stream<Arguments> counters() {
        return Stream.of(
                arguments(named("LockedCounter", (Supplier<Counter>) LockedCounter::new)),
                arguments(named("AtomicCounter", (Supplier<Counter>) AtomicCounter::new)),
                arguments(named("AdderCounter", (Supplier<Counter>) AdderCounter::new)));
    }

    @ParameterizedTest(name = "{0}: an add and a subtract that meet between read and write both count, and "
            + STEPS + " of each end at exactly 0")
    @MethodSource("counters")
    @Points(3)
    @DisplayName("the lecture's experiment ends at exactly 0")
    void addAndSubtractEndsAtZero(Supplier<Counter> factory) throws Exception {
        Counter counter = factory.get();
        String name = counter.getClass().getSimpleName();

        // First the losing interleaving, forced: every read of the counter's fields (or of an
        // atomic's value) pauses until the other thread has read too, or waits for a lock.
        try (Interleaving race = Interleaving.of(2, counter.getClass())) {
            Background<Void> adder = Background.run("add", () -> {
                race.join();
                counter.increment();
            });
            Background<Void> subtractor = Background.run("sub", () -> {
                race.join();
                counter.decrement();
            });
            adder.join("one increment() that meets a decrement()");
            subtractor.join("one decrement() that meets an increment()");
        }
        long afterOne = counter.get();
        assertThat(afterOne)
                .withFailMessage("""
                        %s ended at %d instead of 0 after one increment() and one decrement() on two threads that \
                        both read the value before either wrote it back: one update was lost. value++ (or get() \
                        then set()) is three steps, read, add, write, and the other thread's update landed between \
                        them. Make the whole update one atomic step: synchronized (one lock from the read to the \
                        write), incrementAndGet(), a compareAndSet loop, or LongAdder.increment().""",
                        name, afterOne)
                .isZero();

        // Then one update forced into the other's gap: the first thread runs until it pauses after a read
        // (or finishes), only then does the second run its whole update. Both orders, so that a counter
        // with one atomic method and one read-then-write method cannot hide.
        for (boolean decrementFirst : new boolean[] {true, false}) {
            long before = counter.get();
            oneInTheOthersGap(counter, decrementFirst);
            long after = counter.get();
            assertThat(after)
                    .withFailMessage("""
                            %s went from %d to %d after one %s and one %s, where the %s ran whole while the %s was \
                            between reading the value and writing it back: an update was lost. One of your methods \
                            is not atomic (get() then set(), or value++ on a field, is a read and a write with a gap \
                            in between). Make each update one atomic step: incrementAndGet()/decrementAndGet(), \
                            synchronized, or LongAdder.""",
                            name, before, after, decrementFirst ? "decrement()" : "increment()",
                            decrementFirst ? "increment()" : "decrement()", decrementFirst ? "increment()" : "decrement()",
                            decrementFirst ? "decrement()" : "increment()")
                    .isEqualTo(before);
        }

        // Then the lecture's experiment, at full speed.
        CyclicBarrier start = new CyclicBarrier(2);
        Background<Void> adder = Background.run("add", () -> {
            start.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
            for (int i = 0; i < STEPS; i++) {
                counter.increment();
            }
        });
        Background<Void> subtractor = Background.run("sub", () -> {
            start.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
            for (int i = 0; i < STEPS; i++) {
                counter.decrement();
            }
        });
        adder.join("adding " + STEPS + " times");
        subtractor.join("subtracting " + STEPS + " times");

        assertThat(counter.get())
                .withFailMessage("""
                        %s ended at %d instead of 0 after %d increments on one thread and %d decrements on another: \
                        updates were lost. value++ is three steps (read, add, write) and the other thread can \
                        slip in between them.""", name, counter.get(), STEPS, STEPS)
                .isZero();
    }

    /**
     * Runs one update on a thread until it pauses after a read in the counter (or finishes), and only then
     * the opposite update on a second thread, which runs whole in the first one's gap.
     */
    private static void oneInTheOthersGap(Counter counter, boolean decrementFirst) throws Exception {
        Runnable add = counter::increment;
        Runnable sub = counter::decrement;
        try (Interleaving race = Interleaving.of(2, counter.getClass())) {
            Runnable firstUpdate = decrementFirst ? sub : add;
            Runnable secondUpdate = decrementFirst ? add : sub;
            Background<Void> first = Background.run(decrementFirst ? "sub" : "add", () -> {
                race.join();
                firstUpdate.run();
            });
            await().atMost(Delays.CEILING)
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> first.isDone() || Background.isIn(first.thread(), Interleaving.class));
            Background<Void> second = Background.run(decrementFirst ? "add" : "sub", () -> {
                race.join();
                secondUpdate.run();
            });
            first.join("an update paused after its read until the other update had run");
            second.join("an update run in the other one's gap");
        }
    }

    @Test
    @Points(3)
    @DisplayName("LockedCounter: increment, decrement and get all wait while another thread holds the counter's lock")
    void lockedCounterTakesItsOwnLock() throws Exception {
        LockedCounter counter = new LockedCounter();
        counter.increment();

        mustWaitForLock(counter, "increment()", Counter::increment, """
                it is not synchronized on the counter. value++ is read, add, write: without the lock two threads \
                interleave those steps and updates are lost. Declare increment() synchronized. (Locking a private \
                object is not enough here: the contract asks for the counter's own lock, 'this', so that callers \
                can hold it for a compound action.)""");
        mustWaitForLock(counter, "decrement()", Counter::decrement, """
                it is not synchronized on the counter: decrement() races with increment() on the same value. \
                Declare it synchronized, like increment() (the lock must be the counter itself, 'this').""");
        mustWaitForLock(counter, "get()", Counter::get, """
                it reads the value without the lock. Without a happens-before edge (the unlock by the writer \
                before the lock by the reader) a reader may see a stale value. Declare get() synchronized too.""");

        assertThat(counter.get())
                .as("after increment, increment, decrement (each run once)")
                .isEqualTo(1);
    }

    @Test
    @Points(2)
    @DisplayName("AtomicCounter: increments while another thread holds the counter's lock, and counts right")
    void atomicCounterUsesAnAtomic() throws Exception {
        AtomicCounter counter = new AtomicCounter();
        counter.increment();

        mustNotWaitForLock(counter, "AtomicCounter",
                "an atomic counter needs no lock: the atomic's compare-and-set makes each update atomic");
        counter.decrement();
        counter.increment();
        assertThat(counter.get()).as("AtomicCounter after +1, +1 (the lock check), -1, +1").isEqualTo(2);
        assertReadingChangesNothing(counter, "AtomicCounter", 2);
    }

    @Test
    @Points(2)
    @DisplayName("AdderCounter: increments while another thread holds the counter's lock, and counts right")
    void adderCounterUsesALongAdder() throws Exception {
        AdderCounter counter = new AdderCounter();
        counter.increment();

        mustNotWaitForLock(counter, "AdderCounter",
                "a LongAdder needs no lock: each thread adds to its own cell and get() sums them");
        counter.decrement();
        counter.increment();
        assertThat(counter.get()).as("AdderCounter after +1, +1 (the lock check), -1, +1").isEqualTo(2);
        assertReadingChangesNothing(counter, "AdderCounter", 2);
    }

    /** get() reads: asked again, it returns the same value. */
    private static void assertReadingChangesNothing(Counter counter, String name, long expected) {
        long again = counter.get();
        assertThat(again)
                .withFailMessage("%s.get() returned %d, and asked again at once, %d: reading the counter must not "
                        + "reset it or change it (LongAdder.sumThenReset() and AtomicLong.getAndSet(0) do; use sum() "
                        + "or get())", name, expected, again)
                .isEqualTo(expected);
    }

    /** Holds the counter's monitor and requires {@code action} on another thread to wait for it. */
    private static void mustWaitForLock(Counter counter, String method, Consumer<Counter> action, String otherwise)
            throws Exception {
        Background<Void> worker;
        synchronized (counter) {
            worker = Background.run("calls " + method, () -> action.accept(counter));
            await().atMost(Delays.CEILING)
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> worker.isDone() || worker.thread().getState() == Thread.State.BLOCKED);
            if (worker.isDone()) {
                if (worker.isDone()) {
                    worker.get("");
                }
                fail("LockedCounter.%s finished while another thread held the counter's lock: %s", method, otherwise);
            }
        }
        worker.join("LockedCounter." + method + " after the lock was free again");
    }

    /** Holds the counter's monitor and requires increment() on another thread to finish anyway. */
    private static void mustNotWaitForLock(Counter counter, String name, String why) throws Exception {
        Background<Void> worker;
        String stuck = null;
        synchronized (counter) {
            worker = Background.run("calls increment()", counter::increment);
            await().atMost(Delays.CEILING)
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> worker.isDone() || worker.thread().getState() == Thread.State.BLOCKED);
            if (!worker.isDone()) {
                stuck = Background.where(worker.thread());
            }
        }
        worker.join(name + ".increment()");
        if (stuck != null) {
            fail("%s.increment() waited while another thread held the counter's lock (it was stuck at %s): %s. "
                    + "Remove synchronized.", name, stuck, why);
        }
    }
}
