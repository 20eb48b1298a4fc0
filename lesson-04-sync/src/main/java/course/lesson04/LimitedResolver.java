package course.lesson04;

import java.net.UnknownHostException;

/**
 * Exercise 4 · Checks whether domain names are taken, with at most {@code limit} lookups in flight.
 *
 * <p>The lecture checks hundreds of names such as {@code python.org}, {@code python.ru},
 * {@code python.dev} with one thread per name, and guards the lookup with a bounded semaphore so
 * that no more than four queries hit the DNS server at once. This class is that guard: any number
 * of threads may call {@link #isTaken(String)}; at most {@code limit} of them are inside
 * {@link HostResolver#resolve(String)} at the same time, the others wait for a permit of a
 * {@link BoundedSemaphore}.
 *
 * <p>A lookup can fail in two ways. {@link UnknownHostException} means the name is free:
 * {@code isTaken} returns {@code false}. Any other exception (a crashed resolver) propagates to the
 * caller. Either way the permit must come back, or after {@code limit} failures nobody could look
 * anything up any more. A caller interrupted while it waits for a permit gets
 * {@link InterruptedException}, makes no lookup and gives back no permit (it never had one).
 *
 * <p>Use the one semaphore this object holds for every call: the tests pass in a semaphore of their
 * own, count its permits and hold lookups inside the resolver to see how many are in flight.
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
     * {@code true} if {@code domain} resolves, {@code false} if it is unknown (free).
     *
     * @throws InterruptedException if interrupted while waiting for a permit
     */
    public boolean isTaken(String domain) throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: LimitedResolver.isTaken: acquire a permit, resolve the domain (UnknownHostException = free), release the permit in finally");
    }

    /** Free permits right now: equals the limit whenever no lookup is running. */
    public int availablePermits() {
        return permits.availablePermits();
    }
}
