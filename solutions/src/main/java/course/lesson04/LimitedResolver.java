package course.lesson04;

import java.net.UnknownHostException;

/**
 * Checks whether domain names are taken, letting at most {@code limit} lookups run at once.
 *
 * <p>Any number of threads may call {@link #isTaken(String)}. Each call takes a permit of a
 * {@link BoundedSemaphore} before it asks the {@link HostResolver} and gives it back in a
 * {@code finally} block, whatever the lookup does: at most {@code limit} calls are ever inside
 * {@code resolve}, and a lookup that throws never costs a permit.
 *
 * <p><b>Sample usage:</b> one thread per domain, four queries at a time (the lecture's program).
 * <pre>{@code
 * LimitedResolver dns = new LimitedResolver(resolver, 4);
 * try (var perDomain = Executors.newVirtualThreadPerTaskExecutor()) {
 *     for (String domain : domains) {
 *         perDomain.submit(() -> System.out.println(domain + ": " + (dns.isTaken(domain) ? "taken" : "free")));
 *     }
 * }
 * }</pre>
 *
 * <p>Memory consistency effects: as for {@link BoundedSemaphore}, a lookup that returns its permit
 * happens-before the lookup that takes that permit next.
 */
public class LimitedResolver {
    private final HostResolver resolver;
    private final BoundedSemaphore permits;

    /** A resolver that lets at most {@code limit} lookups through {@code resolver} at once. */
    public LimitedResolver(HostResolver resolver, int limit) {
        this(resolver, new BoundedSemaphore(limit));
    }

    /** A resolver that lets lookups through {@code resolver} only while holding a permit of {@code permits}. */
    public LimitedResolver(HostResolver resolver, BoundedSemaphore permits) {
        this.resolver = resolver;
        this.permits = permits;
    }

    /**
     * {@code true} if {@code domain} resolves, {@code false} if it is unknown (free). Waits for a
     * permit first. Any exception of the resolver other than {@link UnknownHostException}
     * propagates; the permit is returned in every case.
     *
     * @throws InterruptedException if interrupted while waiting for a permit; then no lookup is made
     *         and no permit is given back (none was taken)
     */
    public boolean isTaken(String domain) throws InterruptedException {
        permits.acquire();
        try {
            resolver.resolve(domain);
            return true;
        } catch (UnknownHostException free) {
            return false;
        } finally {
            permits.release();
        }
    }

    /** Free permits right now: equals the limit whenever no lookup is running. */
    public int availablePermits() {
        return permits.availablePermits();
    }
}
