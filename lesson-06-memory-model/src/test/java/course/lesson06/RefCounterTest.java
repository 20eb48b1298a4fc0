package course.lesson06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import course.grading.Background;
import course.grading.Delays;
import course.grading.Points;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Forces the lost-update interleaving every time: thread A is paused between reading the count
 * and writing it back (through the {@link RaceWindow} hook) until thread B has either finished
 * its own update or is waiting inside {@link RefCounter} (for a lock). A racy counter lets B
 * finish in the gap and then A overwrites B's update; an atomic one makes B wait or retry.
 */
@DisplayName("Exercise 1 · Fix the lost update in a reference count")
class RefCounterTest {

    private record Race(long finalCount, long readByA) {
    }

    /** The update thread A runs (and is paused in): its name, what it adds to the count, the call. */
    private record Update(String call, long delta, ToLongFunction<RefCounter> op) {
    }

    private static final Update RETAIN = new Update("retain()", 1, RefCounter::retain);
    private static final Update RELEASE = new Update("release()", -1, RefCounter::release);

    @Test
    @Points(4)
    @DisplayName("keeps both references when a second retain() lands in the first one's read–write window, and an update that throws changes nothing")
    void twoRetainsAreNeverLost() throws Exception {
        Race race = race(1, RETAIN, RefCounter::retain);

        assertThat(race.finalCount())
                .withFailMessage("""
                        lost update: the count started at 1 and two threads each called retain(), so it must be 3, \
                        but it is %d. Thread A read %d, thread B retained while A was between its read and its write, \
                        then A wrote its stale result over B's. Two later release() calls would bring this count to 0 \
                        while a reference is still alive: CPython would free memory still in use, which is why it has \
                        the GIL. Make the whole read-modify-write atomic: one synchronized block around read, window \
                        and write (locking the read and the write separately still leaves the gap), or an AtomicLong \
                        with a compare-and-set loop.""", race.finalCount(), race.readByA())
                .isEqualTo(3);

        anUpdateThatThrowsLeavesTheCounterFree(RETAIN);
        anUpdateThatThrowsLeavesTheCounterFree(RELEASE);
    }

    @Test
    @Points(4)
    @DisplayName("keeps a release() that lands in a retain()'s read–write window, and a retain() that lands in a release()'s")
    void releaseInsideRetainIsNeverLost() throws Exception {
        Race race = race(1, RETAIN, RefCounter::release);

        assertThat(race.finalCount())
                .withFailMessage("""
                        lost update: the count started at 1, thread A called retain() and thread B called release(), \
                        so it must be back at 1, but it is %d. B's release() ran while A was between reading %d and \
                        writing it back; A then overwrote B's update. Both methods change the same count: retain() \
                        AND release() must be atomic with respect to each other (the same lock for both, or \
                        compare-and-set on the same AtomicLong).""", race.finalCount(), race.readByA())
                .isEqualTo(1);

        Race reverse = race(2, RELEASE, RefCounter::retain);
        assertThat(reverse.finalCount())
                .withFailMessage("""
                        lost update in release(): the count started at 2, thread A called release() and thread B                         called retain(), so it must be back at 2, but it is %d. B's retain() ran while A was between                         reading %d and writing its result; A's release() was then dropped or overwrote B's update.                         release() needs the same protection as retain(): the same synchronized lock around read, window                         and write, or a compare-and-set loop that retries when compareAndSet fails.""",
                        reverse.finalCount(), reverse.readByA())
                .isEqualTo(2);
    }

    /** Thrown by the test's race window. */
    private static final class WindowFailed extends RuntimeException {
        WindowFailed() {
            super("thrown by the test's race window, inside the update");
        }
    }

    /** An update whose window throws must change nothing and leave the counter free for other threads. */
    private static void anUpdateThatThrowsLeavesTheCounterFree(Update update) throws Exception {
        String call = update.call();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        RefCounter counter = new RefCounter(1, read -> {
            if (failOnce.compareAndSet(true, false)) {
                throw new WindowFailed();
            }
        });
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> update.op().applyAsLong(counter));
        assertThat(thrown)
                .withFailMessage("the race window threw %s inside %s, but %s %s: let it propagate",
                        WindowFailed.class.getSimpleName(), call, call, thrown == null ? "returned normally" : "threw " + thrown)
                .isInstanceOf(WindowFailed.class);

        AtomicLong seenByOther = new AtomicLong(Long.MIN_VALUE);
        Background<Void> other = Background.run("other", () -> seenByOther.set(counter.retain()));
        other.join("another thread's retain() after a " + call + " that threw: is the lock still held? Release it in "
                + "a finally block, in " + call + " too (synchronized does that for you)");
        assertThat(seenByOther.get())
                .withFailMessage("after a %s that threw half-way, another thread's retain() returned %d, expected "
                        + "2: an update that fails must not change the count", call, seenByOther.get())
                .isEqualTo(2);
    }

    /**
     * Thread A calls {@code first} (retain or release) and is paused in the race window; thread B
     * then runs {@code second}; A is released once B has finished or waits inside RefCounter.
     */
    private Race race(long initial, Update first, ToLongFunction<RefCounter> second) throws Exception {
        long delta = first.delta();
        String call = first.call();
        AtomicReference<Thread> threadA = new AtomicReference<>();
        AtomicReference<Background<Void>> workerB = new AtomicReference<>();
        AtomicBoolean paused = new AtomicBoolean();
        AtomicLong readByA = new AtomicLong(Long.MIN_VALUE);
        AtomicLong lastReadByA = new AtomicLong(Long.MIN_VALUE);
        AtomicLong returnedToA = new AtomicLong(Long.MIN_VALUE);

        RaceWindow window = read -> {
            if (Thread.currentThread() == threadA.get()) {
                lastReadByA.set(read);
            }
            if (Thread.currentThread() == threadA.get() && paused.compareAndSet(false, true)) {
                readByA.set(read);
                await("thread B to finish its update or to wait inside RefCounter")
                        .atMost(Delays.CEILING)
                        .pollInSameThread()
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> {
                            Background<Void> b = workerB.get();
                            return b != null && (b.isDone() || isStuckIn(b.thread(), RefCounter.class));
                        });
            }
        };
        RefCounter counter = new RefCounter(initial, window);

        Background<Void> a = Background.run("A", () -> {
            threadA.set(Thread.currentThread());
            returnedToA.set(first.op().applyAsLong(counter));
        });
        await().atMost(Delays.CEILING)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(1))
                .until(() -> paused.get() || a.isDone());
        if (!paused.get()) {
            if (a.isDone()) {
                a.get("");
            }
            fail(call + " returned without calling window.afterRead(read) between reading and writing the count: "
                    + "keep that call in place, the test uses it to pause a thread inside the read-modify-write");
        }
        Background<Void> b = Background.run("B", () -> second.applyAsLong(counter));
        workerB.set(b);

        a.join("A's " + call + ", paused in the race window until B finished or waited");
        b.join("B's update, started while A was in the race window");
        if (returnedToA.get() != lastReadByA.get() + delta) {
            fail("thread A's %s returned %d, but the last value it passed to window.afterRead(read) was %d: the "
                    + "update is not based on the value passed to the hook. Call window.afterRead(read) between "
                    + "reading the count and writing read %s 1, with the value you read (calling it before the read, "
                    + "or with another value, hides the race from the test instead of fixing it)",
                    call, returnedToA.get(), lastReadByA.get(), delta > 0 ? "+" : "-");
        }
        return new Race(counter.count(), readByA.get());
    }

    /** Whether {@code thread} waits (for a lock or otherwise) somewhere inside {@code type}. */
    private static boolean isStuckIn(Thread thread, Class<?> type) {
        return (Background.isWaiting(thread) || Background.isSleeping(thread) || Background.isTakingLock(thread))
                && Background.isIn(thread, type);
    }
}
