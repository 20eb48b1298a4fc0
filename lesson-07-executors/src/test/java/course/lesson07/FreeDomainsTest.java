package course.lesson07;

import course.grading.Delays;
import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

@DisplayName("Exercise 4 · Executor hygiene: every pool closed, every worker thread gone")
class FreeDomainsTest {

    /** What became of a lookup that blocks until it is interrupted. */
    enum Fate { RUNNING, INTERRUPTED, RAN_INTO_CEILING }

    /** A ThreadFactory that remembers every thread it made. */
    static final class RecordingFactory implements ThreadFactory {
        final List<Thread> made = new CopyOnWriteArrayList<>();
        private final ThreadFactory delegate = Thread.ofPlatform().name("lookup-", 0).factory();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = delegate.newThread(r);
            made.add(t);
            return t;
        }
    }

    final RecordingFactory threads = new RecordingFactory();
    final Deadline deadline = new Deadline();
    final Map<String, Fate> fates = new ConcurrentHashMap<>();

    /** A lookup that blocks until interrupted (or the test's ceiling) and records what happened. */
    boolean slowLookup(String domain, CountDownLatch started) throws InterruptedException {
        fates.put(domain, Fate.RUNNING);
        started.countDown();
        try {
            deadline.await(new CountDownLatch(1));      // never opens
            fates.put(domain, Fate.RAN_INTO_CEILING);
            return false;
        } catch (InterruptedException e) {
            fates.put(domain, Fate.INTERRUPTED);
            throw e;
        }
    }

    void assertEveryLookupInterrupted(String when, String advice) {
        fates.forEach((domain, fate) -> assertThat(fate)
                .withFailMessage("%s, the lookup of %s %s: %s", when, domain,
                        fate == Fate.RUNNING ? "was still running when find() ended"
                                : "was never interrupted and ran on until the test's 5 s ceiling", advice)
                .isEqualTo(Fate.INTERRUPTED));
    }

    void assertEveryPoolThreadEnded() throws InterruptedException {
        assertThat(threads.made)
                .withFailMessage("no thread came from the ThreadFactory you were given: create the pool with"
                        + " Executors.newFixedThreadPool(WORKERS, threads)")
                .isNotEmpty();
        long end = System.nanoTime() + Delays.THREAD_EXIT.toNanos();
        List<String> alive = new ArrayList<>();
        for (Thread t : threads.made) {
            t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                alive.add(t.getName() + " (" + t.getState() + ")");
            }
        }
        assertThat(alive)
                .withFailMessage("pool threads %s were still alive after find() ended: the ExecutorService was"
                        + " never closed. Open it with try (ExecutorService pool = ...) { ... } so that close()"
                        + " shuts it down and waits for its threads on every path", alive)
                .isEmpty();
    }

    @Test
    @Points(3)
    @DisplayName("returns the free domains in input order, and every pool thread has ended when it returns")
    void closesPoolOnSuccess() throws Exception {
        List<String> domains = List.of("python.org", "python.xyz", "python.com", "python.ninja", "python.ru",
                "python.zip");

        List<String> free = FreeDomains.find(domains, d -> !List.of("org", "com", "ru")
                .contains(d.substring(d.lastIndexOf('.') + 1)), threads);

        assertThat(free).containsExactly("python.xyz", "python.ninja", "python.zip");
        assertEveryPoolThreadEnded();
    }

    @Test
    @Points(4)
    @DisplayName("on a failed lookup, throws its IOException, interrupts the other lookups and closes the pool")
    void stopsEverythingOnFailure() throws Exception {
        IOException down = new IOException("registry down");
        CountDownLatch slowStarted = new CountDownLatch(2);

        Throwable thrown = catchThrowable(() -> FreeDomains.find(List.of("bad.org", "slow-1.org", "slow-2.org"),
                d -> {
                    if (d.equals("bad.org")) {
                        deadline.await(slowStarted);
                        throw down;
                    }
                    return slowLookup(d, slowStarted);
                }, threads));
        NotImplemented.rethrow(thrown);

        assertThat(thrown)
                .withFailMessage("expected the lookup's own IOException(\"registry down\"), but find() %s: unwrap"
                                + " the ExecutionException with getCause() and rethrow it",
                        thrown == null ? "returned normally" : "threw " + thrown)
                .isSameAs(down)
                .isNotInstanceOf(ExecutionException.class);
        assertEveryLookupInterrupted("after bad.org failed",
                "call shutdownNow() before leaving on a failure; a plain close() waits for every lookup to finish");
        assertEveryPoolThreadEnded();
    }

    @Test
    @Points(3)
    @DisplayName("when the caller is interrupted, stops the lookups and lets the InterruptedException out")
    void stopsEverythingOnInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(FreeDomains.WORKERS);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().name("caller").start(() -> {
            try {
                outcome.set(FreeDomains.find(List.of("a.org", "b.org", "c.org", "d.org"),
                        d -> slowLookup(d, started), threads));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        try {
            await().atMost(Delays.CEILING).until(() -> started.getCount() == 0 || !caller.isAlive());
            if (started.getCount() > 0 && outcome.get() instanceof RuntimeException e) {
                throw e;   // find() failed before the lookups even started (not implemented yet?)
            }
            assertThat(started.getCount())
                    .withFailMessage("only %d of %d lookups started before find() ended with %s",
                            FreeDomains.WORKERS - started.getCount(), FreeDomains.WORKERS, outcome.get())
                    .isZero();

            caller.interrupt();
            caller.join(Delays.CEILING.toMillis() + 1_000);
            if (caller.isAlive()) {
                fail("find() was still running %s after its thread was interrupted", Delays.CEILING);
            }
        } finally {
            caller.interrupt();
            caller.join(Delays.CEILING.toMillis());
        }

        assertThat(outcome.get())
                .withFailMessage("after the interrupt find() %s: never swallow an InterruptedException;"
                                + " stop the lookups with shutdownNow() and rethrow it",
                        outcome.get() instanceof Throwable t ? "threw " + t : "returned " + outcome.get())
                .isInstanceOf(InterruptedException.class);
        assertEveryLookupInterrupted("after the caller was interrupted",
                "call shutdownNow() when get() throws InterruptedException; close() alone waits for the lookups");
        assertEveryPoolThreadEnded();
    }
}
