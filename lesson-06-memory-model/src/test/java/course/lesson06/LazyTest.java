package course.lesson06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import course.grading.Background;
import course.grading.Delays;
import course.grading.Interleaving;
import course.grading.Points;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 4 · A lazy singleton: created once, safely published")
class LazyTest {

    private static final int RACERS = 8;

    /** A value with a field, so "fully constructed" means something. */
    record Registry(int id) {
    }

    @Test
    @Points(2)
    @DisplayName("creates nothing before the first get(), then returns that same object on every call")
    void createsOnFirstGetOnly() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<Registry> lazy = new Lazy<>(() -> new Registry(calls.incrementAndGet()));
        assertThat(calls.get())
                .withFailMessage("the supplier ran %d time(s) in the constructor: a lazy value is created on the "
                        + "first get(), not earlier", calls.get())
                .isZero();

        Registry first = lazy.get();
        Registry second = lazy.get();
        Registry third = lazy.get();

        assertThat(calls.get())
                .withFailMessage("three calls to get() ran the supplier %d times: it must run once and the value "
                        + "be kept in a field", calls.get())
                .isEqualTo(1);
        assertThat(first).as("the value from the first get()").isNotNull();
        assertThat(second).as("the second get() returns the same object").isSameAs(first);
        assertThat(third).as("the third get() returns the same object").isSameAs(first);
    }

    /**
     * Forces the race: thread 0 enters the supplier and stays there until each other racer has
     * either entered the supplier too (a broken check-then-act), finished, or waits inside Lazy
     * (for the lock). A correct get() makes the seven others wait; a broken one lets them all in.
     */
    @Test
    @Points(4)
    @DisplayName("runs the supplier exactly once when eight threads race to the first get()")
    void exactlyOnceUnderARace() throws Exception {
        Set<Thread> entered = ConcurrentHashMap.newKeySet();
        List<Background<Void>> others = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch othersStarted = new CountDownLatch(1);
        AtomicReference<Thread> firstThread = new AtomicReference<>();

        Lazy<Registry> lazy = new Lazy<>(() -> {
            int call = calls.incrementAndGet();
            entered.add(Thread.currentThread());
            if (Thread.currentThread() == firstThread.get()) {
                await("the other racers to wait, finish, or enter the supplier")
                        .atMost(Delays.CEILING)
                        .pollInSameThread()
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> othersStarted.getCount() == 0 && others.stream().allMatch(w ->
                                w.isDone() || entered.contains(w.thread()) || isStuckIn(w.thread(), Lazy.class)));
            }
            return new Registry(call);
        });

        AtomicReferenceArray<Registry> results = new AtomicReferenceArray<>(RACERS);
        Background<Void> first = Background.run("racer-0", () -> {
            firstThread.set(Thread.currentThread());
            results.set(0, lazy.get());
        });
        await().atMost(Delays.CEILING)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(1))
                .until(() -> calls.get() > 0 || first.isDone());
        if (calls.get() == 0) {
            if (first.isDone()) {
                first.get("");
            }
            fail("the first get() returned without calling the supplier");
        }
        for (int i = 1; i < RACERS; i++) {
            int slot = i;
            others.add(Background.run("racer-" + i, () -> results.set(slot, lazy.get())));
        }
        othersStarted.countDown();

        first.join("the first get(), inside the supplier until the others waited");
        for (Background<Void> other : others) {
            other.join("a racing get()");
        }

        assertThat(calls.get())
                .withFailMessage("""
                        the supplier ran %d times for %d racing threads: while the first thread was still creating \
                        the value, another thread saw null and created its own (check-then-act: a check and an act \
                        that are each thread-safe, such as a volatile read, or ConcurrentHashMap.get() followed by \
                        putIfAbsent(), are still two steps, and other threads run in between). Take a lock around \
                        the second check and the creation (double-checked locking), or make check and creation one \
                        atomic step (ConcurrentHashMap.computeIfAbsent), so that only one thread creates the value \
                        and the others wait for it.""", calls.get(), RACERS)
                .isEqualTo(1);
        for (int i = 0; i < RACERS; i++) {
            assertThat(results.get(i))
                    .withFailMessage("racer-%d got %s but racer-0 got %s: every caller must receive the same object",
                            i, results.get(i), results.get(0))
                    .isNotNull()
                    .isSameAs(results.get(0));
        }
    }

    /** Thrown by a test supplier. */
    private static final class SupplierFailed extends RuntimeException {
        SupplierFailed() {
            super("the registry is not reachable (thrown by the test's supplier)");
        }
    }

    @Test
    @Points(2)
    @DisplayName("when the supplier throws, get() throws the same exception, caches nothing, and the next get() tries again")
    void aFailingSupplierIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<Registry> lazy = new Lazy<>(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new SupplierFailed();
            }
            return new Registry(calls.get());
        });

        Throwable first = org.assertj.core.api.Assertions.catchThrowable(lazy::get);
        assertThat(first)
                .withFailMessage("the supplier threw %s on the first get(), but get() %s: let the supplier's exception "
                        + "propagate", SupplierFailed.class.getSimpleName(), first == null ? "returned normally" : "threw " + first)
                .isInstanceOf(SupplierFailed.class);

        AtomicReference<Registry> fromOther = new AtomicReference<>();
        Background<Void> other = Background.run("second get()", () -> fromOther.set(lazy.get()));
        try {
            other.join("a get() on another thread after the supplier threw: a failed creation must leave nothing "
                    + "behind (no lock still held: release it in a finally block)");
        } catch (RuntimeException e) {
            throw new AssertionError("the second get() threw " + e + " after the first supplier call failed: a failed "
                    + "creation must leave nothing behind (no flag saying 'created', no lock still held), so that "
                    + "the next get() calls the supplier again", e);
        }
        Registry second = fromOther.get();
        assertThat(second)
                .withFailMessage("the second get() returned %s after the first supplier call failed: nothing was "
                        + "created yet, so it must call the supplier again and return its value", second)
                .isNotNull();
        assertThat(calls.get()).as("supplier calls after a failed and a successful get()").isEqualTo(2);
        assertThat(lazy.get()).as("a third get() returns the value the second created").isSameAs(second);
        assertThat(calls.get()).as("supplier calls after three get()s").isEqualTo(2);
    }

    @Test
    @Points(2)
    @DisplayName("returns an existing value without taking a lock (the fast path)")
    void fastPathTakesNoLock() throws Exception {
        Lazy<Registry> lazy = new Lazy<>(() -> new Registry(1));
        Registry created = lazy.get();

        Background<Void> reader;
        String stuck = null;
        synchronized (lazy) {
            reader = Background.run("reads the existing value", lazy::get);
            await().atMost(Delays.CEILING)
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> reader.isDone() || reader.thread().getState() == Thread.State.BLOCKED);
            if (!reader.isDone()) {
                stuck = Background.where(reader.thread());
            }
        }
        reader.join("get() after the value existed");
        if (stuck != null) {
            fail("get() waited for the Lazy's lock although the value already existed (stuck at %s): every call "
                    + "pays for the lock. Read the volatile field first and return it when it is not null; lock "
                    + "only while it is null (double-checked locking).", stuck);
        }
        assertThat(lazy.get()).isSameAs(created);

        // A lock of its own (a private object, a ReentrantLock) is not the monitor the test held above: pause a
        // reader of the existing value right after it reads the Lazy's state, and look at the locks it holds there.
        String held = locksHeldOnTheFastPath(lazy);
        if (held != null) {
            fail("get() took a lock although the value already existed: paused right after reading the value, the "
                    + "reader held %s. With no fast path every call pays for the lock and waits while another thread "
                    + "holds it. Read the volatile field first and return it when it is not null; lock only while it "
                    + "is null (double-checked locking).", held);
        }
    }

    /** The locks a get() of an existing value holds right after its first read of the Lazy's fields; null if none. */
    private static String locksHeldOnTheFastPath(Lazy<?> lazy) {
        List<String> held = new ArrayList<>();
        // The test thread is the second party and stays runnable, so the reader's pause lasts until the session closes.
        Interleaving race = Interleaving.of(2, Lazy.class);
        Background<Void> reader;
        try {
            race.join();
            reader = Background.run("reads the existing value again", () -> {
                race.join();
                lazy.get();
            });
            long deadline = System.nanoTime() + Delays.CEILING.toNanos();
            while (!reader.isDone() && !Background.isIn(reader.thread(), Interleaving.class)
                    && System.nanoTime() - deadline < 0) {
                Thread.yield();
            }
            if (!reader.isDone() && Background.isIn(reader.thread(), Interleaving.class)) {
                ThreadInfo info = ManagementFactory.getThreadMXBean()
                        .getThreadInfo(new long[] {reader.thread().threadId()}, true, true)[0];
                if (info != null) {
                    for (MonitorInfo monitor : info.getLockedMonitors()) {
                        held.add("the monitor of a " + monitor.getClassName() + " (synchronized)");
                    }
                    for (LockInfo lock : info.getLockedSynchronizers()) {
                        held.add("a " + lock.getClassName().replace('$', '.'));
                    }
                }
            }
        } finally {
            race.close();
        }
        reader.join("get() of the existing value, let go after the test looked at its locks");
        return held.isEmpty() ? null : String.join(" and ", held);
    }

    /** Whether {@code thread} waits (for a lock or otherwise) somewhere inside {@code type}. */
    private static boolean isStuckIn(Thread thread, Class<?> type) {
        return (Background.isWaiting(thread) || Background.isSleeping(thread) || Background.isTakingLock(thread))
                && Background.isIn(thread, type);
    }
}
