package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Delays;
import course.grading.Points;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 4 · At most N lookups in flight")
class LimitedResolverTest {
    private static final int LIMIT = 3;
    private static final int CALLERS = 8;

    private final Workers workers = new Workers();

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @Test
    @Points(4)
    @DisplayName("with a limit of 3 and 8 callers, exactly 3 lookups run at once while the others wait")
    void exactlyLimitLookupsInFlight() throws Exception {
        FakeResolver dns = new FakeResolver();
        LimitedResolver resolver = new LimitedResolver(dns, LIMIT);

        List<Workers.Worker<Boolean>> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String domain = i % 2 == 0 ? "python" + i + ".org" : "python" + i + ".free";
            callers.add(workers.start("lookup-" + i, () -> resolver.isTaken(domain)));
        }
        // Settled: more than the limit got in (wrong), or the limit is reached and every other
        // caller is parked outside the resolver, or everyone has finished (or failed).
        ThreadProbe.until(() -> dns.inside.size() > LIMIT
                || dns.inside.size() == LIMIT && callers.stream().allMatch(c -> c.isDone()
                        || dns.inside.contains(c.thread()) || ThreadProbe.isParked(c.thread()))
                || callers.stream().allMatch(Workers.Worker::isDone));
        int atOnce = dns.inside.size();
        dns.gate.countDown();
        List<Boolean> taken = new ArrayList<>();
        for (Workers.Worker<Boolean> caller : callers) {
            taken.add(caller.result());
        }

        assertThat(dns.max.get())
                .withFailMessage("%d lookups were in flight at the same time; with a limit of %d there must be "
                        + "exactly %d: %s", dns.max.get(), LIMIT, LIMIT,
                        dns.max.get() > LIMIT
                                ? "take a permit of the semaphore before calling resolve()"
                                : "did you create the semaphore with fewer permits than the limit?")
                .isEqualTo(LIMIT);
        assertThat(atOnce).as("lookups in flight while the others waited").isEqualTo(LIMIT);
        assertThat(taken).as("isTaken(domain) for python0.org, python1.free, … (UnknownHostException means free)")
                .containsExactly(true, false, true, false, true, false, true, false);
        assertThat(resolver.availablePermits()).as("free permits after all lookups finished").isEqualTo(LIMIT);
    }

    @Test
    @Points(4)
    @DisplayName("a lookup that throws still gives its permit back")
    void permitIsReturnedWhenLookupThrows() throws Exception {
        FakeResolver dns = new FakeResolver();
        dns.gate.countDown();
        LimitedResolver resolver = new LimitedResolver(dns, 2);

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
        assertThat(resolver.availablePermits())
                .withFailMessage("after 2 lookups threw, only %d of 2 permits are free: the permits leaked. "
                        + "Call release() in a finally block, so it runs whatever resolve() does.",
                        resolver.availablePermits())
                .isEqualTo(2);
        assertThat(resolver.isTaken("python.free")).as("isTaken of an unknown host").isFalse();
        assertThat(resolver.isTaken("python.org")).as("isTaken of a known host").isTrue();
        assertThat(resolver.availablePermits()).as("free permits after every lookup finished").isEqualTo(2);
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
        private final AtomicInteger inFlight = new AtomicInteger();

        @Override
        public String resolve(String host) throws UnknownHostException {
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
