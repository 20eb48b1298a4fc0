package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Delays;
import course.grading.Background;
import course.grading.Points;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Exercise 4 · At most N lookups in flight")
class LimitedResolverTest {
    private static final int LIMIT = 3;
    private static final int CALLERS = 8;

    @RegisterExtension
    final Background.Group workers = new Background.Group();

    @Test
    @Points(3)
    @DisplayName("with a limit of 3 and 8 callers, exactly 3 lookups run at once while the others wait for a permit")
    void exactlyLimitLookupsInFlight() throws Exception {
        FakeResolver dns = new FakeResolver();
        CountingSemaphore permits = new CountingSemaphore(LIMIT);
        LimitedResolver resolver = new LimitedResolver(dns, permits);

        List<Background<Boolean>> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String domain = i % 2 == 0 ? "python" + i + ".org" : "python" + i + ".free";
            callers.add(workers.start("lookup-" + i, () -> resolver.isTaken(domain)));
        }
        // Settled: more than the limit got in (wrong), or the limit is reached and every other
        // caller is parked outside the resolver, or everyone has finished (or failed).
        Background.until(() -> dns.inside.size() > LIMIT
                || dns.inside.size() == LIMIT && callers.stream().allMatch(c -> c.isDone()
                        || dns.inside.contains(c.thread()) || Background.isWaiting(c.thread()))
                || callers.stream().allMatch(Background::isDone));
        int atOnce = dns.inside.size();
        int acquiredWhileInFlight = permits.acquires.get();
        long blockedOnALock = callers.stream().filter(c -> !c.isDone() && !dns.inside.contains(c.thread())
                && Background.isTakingLock(c.thread())).count();
        dns.gate.countDown();
        if (atOnce < LIMIT && blockedOnALock > 0) {
            fail("only %d lookup(s) were in flight while %d callers were blocked taking a lock, not waiting for a "
                    + "permit: a lock (synchronized) held around the lookup lets one caller in at a time, whatever "
                    + "the limit. The semaphore's permits must be the only limit: no lock around resolve()",
                    atOnce, blockedOnALock);
        }
        List<Boolean> taken = new ArrayList<>();
        for (Background<Boolean> caller : callers) {
            taken.add(caller.result());
        }

        if (dns.max.get() > LIMIT && acquiredWhileInFlight == 0) {
            fail("%d lookups were in flight at the same time, and not one permit of the resolver's semaphore was "
                    + "taken: isTaken did not use the semaphore it holds. No semaphore at all, or a new semaphore "
                    + "created per call (each call then has permits of its own, which limits nothing): take a permit "
                    + "of the one semaphore field shared by every call.", dns.max.get());
        }
        assertThat(dns.max.get())
                .withFailMessage("%d lookups were in flight at the same time; with a limit of %d there must be "
                        + "exactly %d: %s", dns.max.get(), LIMIT, LIMIT,
                        dns.max.get() > LIMIT
                                ? "take a permit of the semaphore before calling resolve() and give it back only "
                                        + "after resolve() has returned or thrown"
                                : "did you take more than one permit per lookup?")
                .isEqualTo(LIMIT);
        assertThat(atOnce).as("lookups in flight while the others waited").isEqualTo(LIMIT);
        assertThat(taken).as("isTaken(domain) for python0.org, python1.free, … (UnknownHostException means free)")
                .containsExactly(true, false, true, false, true, false, true, false);
        assertThat(permits.availablePermits()).as("free permits after all lookups finished").isEqualTo(LIMIT);
    }

    @Test
    @Points(3)
    @DisplayName("a lookup that throws still gives its permit back, and the exception reaches the caller")
    void permitIsReturnedWhenLookupThrows() throws Exception {
        FakeResolver dns = new FakeResolver();
        dns.gate.countDown();
        CountingSemaphore permits = new CountingSemaphore(2);
        LimitedResolver resolver = new LimitedResolver(dns, permits);

        for (int i = 1; i <= 2; i++) {
            String domain = "crash" + i + ".org";
            Throwable thrown = catchThrowable(() -> resolver.isTaken(domain));
            if (thrown instanceof UnsupportedOperationException notYet) {
                throw notYet;
            }
            assertThat(thrown)
                    .withFailMessage("when resolve(\"%s\") throws %s, isTaken must let it reach the caller; got %s",
                            domain, FakeResolver.CRASH, thrown)
                    .isSameAs(FakeResolver.CRASH);
        }
        assertThat(permits.availablePermits())
                .withFailMessage("after 2 lookups threw, only %d of 2 permits are free: the permits leaked. "
                        + "Call release() in a finally block, so it runs whatever resolve() does.",
                        permits.availablePermits())
                .isEqualTo(2);
        assertThat(resolver.isTaken("python.free")).as("isTaken of an unknown host").isFalse();
        assertThat(resolver.isTaken("python.org")).as("isTaken of a known host").isTrue();
        assertThat(permits.availablePermits()).as("free permits after every lookup finished").isEqualTo(2);
        assertThat(permits.overReleases.get())
                .withFailMessage("isTaken released more permits than it acquired (%d releases too many): release "
                        + "once per lookup, in finally only", permits.overReleases.get())
                .isZero();
    }

    @Test
    @Points(2)
    @DisplayName("a caller interrupted while waiting for a permit gets InterruptedException, makes no lookup and releases nothing")
    void interruptedCallerReleasesNothing() throws Exception {
        FakeResolver dns = new FakeResolver();
        dns.gate.countDown();
        CountingSemaphore permits = new CountingSemaphore(1);
        LimitedResolver resolver = new LimitedResolver(dns, permits);
        permits.acquire(); // someone else holds the only permit

        Background<Boolean> caller = workers.start("lookup", () -> resolver.isTaken("python.org"));
        Background.until(() -> caller.isDone() || Background.isWaiting(caller.thread()));
        if (caller.isDone()) {
            Throwable failure = caller.failure();
            if (failure instanceof UnsupportedOperationException notYet) {
                throw notYet;
            }
            fail("isTaken returned (%s) while the only permit was held by someone else: it must wait for a permit",
                    failure == null ? caller.result() : failure);
        }
        caller.thread().interrupt();
        Throwable thrown = caller.failure();
        assertThat(thrown)
                .withFailMessage("an isTaken interrupted while waiting for a permit must throw InterruptedException; "
                        + "it %s", thrown == null ? "returned normally" : "threw " + thrown)
                .isInstanceOf(InterruptedException.class);
        assertThat(dns.lookups.get()).withFailMessage("the interrupted caller still asked the resolver: it had no permit")
                .isZero();
        assertThat(permits.availablePermits())
                .withFailMessage("after the interrupted isTaken, %d permit is free although its holder still has it: "
                        + "isTaken released a permit it never acquired. Call acquire() before the try block whose "
                        + "finally releases, not inside it.", permits.availablePermits())
                .isZero();
        permits.release();
        assertThat(permits.overReleases.get()).as("releases beyond the permits acquired").isZero();
    }

    /**
     * A known-good semaphore the test hands in, so this exercise does not depend on exercise 3. It
     * counts acquisitions and any release beyond the permits acquired.
     */
    private static final class CountingSemaphore extends BoundedSemaphore {
        private final Semaphore delegate;
        final AtomicInteger acquires = new AtomicInteger();
        final AtomicInteger overReleases = new AtomicInteger();

        CountingSemaphore(int permits) {
            super(permits);
            this.delegate = new Semaphore(permits);
        }

        @Override
        public void acquire() throws InterruptedException {
            delegate.acquire();
            acquires.incrementAndGet();
        }

        @Override
        public synchronized void release() {
            if (delegate.availablePermits() >= permits()) {
                overReleases.incrementAndGet();
                throw new IllegalStateException("released more permits than were acquired: all " + permits()
                        + " permits are already available");
            }
            delegate.release();
        }

        @Override
        public int availablePermits() {
            return delegate.availablePermits();
        }
    }

    /**
     * A DNS server in memory: {@code *.free} is unknown, {@code crash*} crashes, anything else
     * resolves. Lookups wait at a gate the test opens and count how many are in flight.
     */
    private static final class FakeResolver implements HostResolver {
        static final IllegalStateException CRASH = new IllegalStateException("resolver crashed");

        final CountDownLatch gate = new CountDownLatch(1);
        final Set<Thread> inside = ConcurrentHashMap.newKeySet();
        final AtomicInteger max = new AtomicInteger();
        final AtomicInteger lookups = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();

        @Override
        public String resolve(String host) throws UnknownHostException {
            lookups.incrementAndGet();
            inside.add(Thread.currentThread());
            max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (!gate.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("the test never opened the gate");
                }
                if (host.startsWith("crash")) {
                    throw CRASH;
                }
                if (host.endsWith(".free")) {
                    throw new UnknownHostException(host);
                }
                return "192.0.2." + (host.length() % 250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("lookup interrupted", e);
            } finally {
                inFlight.decrementAndGet();
                inside.remove(Thread.currentThread());
            }
        }
    }
}
