package course.lesson07;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Exercise 4 · Executor hygiene: every pool closed, every worker thread gone.
 *
 * <p>The lecture's domain check, done properly: look every domain up in a pool of
 * {@value #WORKERS} threads and return the free ones. The point of this exercise is what
 * happens around the happy path. A pool that is never closed keeps its threads alive after the
 * method returns (and, with non-daemon threads, keeps the JVM from exiting); a failure or an
 * interrupt that leaves lookups running wastes work nobody will read.
 *
 * <p>What to build:
 * <ul>
 *   <li>Create the pool with {@code Executors.newFixedThreadPool(WORKERS, threads)}: the
 *       {@link ThreadFactory} you are given is how the caller (and the test) sees your threads.</li>
 *   <li>Look all domains up concurrently; return the free ones in input order.</li>
 *   <li>When the method returns <em>or throws</em>, the pool is closed and all its threads have
 *       ended: {@code try}-with-resources on the {@code ExecutorService} does both.</li>
 *   <li>When a lookup fails, throw its own {@code IOException} (unwrapped), and stop the other
 *       lookups first: {@code shutdownNow()} interrupts them. A plain {@code close()} would
 *       wait politely for all of them to finish.</li>
 *   <li>When the calling thread is interrupted while waiting, stop the lookups the same way and
 *       let the {@code InterruptedException} propagate; never swallow it.</li>
 * </ul>
 *
 * <pre>{@code
 * List<String> free = FreeDomains.find(List.of("python.org", "python.xyz"), registry,
 *         Thread.ofPlatform().name("lookup-", 0).factory());
 * }</pre>
 */
public final class FreeDomains {

    /** How many lookups run at the same time. */
    public static final int WORKERS = 4;

    private FreeDomains() {
    }

    /**
     * Returns the domains the registry reports as free, in input order.
     *
     * @param domains  the domains to check
     * @param registry answers one lookup; may block, fail, or be interrupted
     * @param threads  creates the pool's threads
     * @return the free domains, in input order
     * @throws IOException          the exception of a failed lookup (the other lookups are stopped)
     * @throws InterruptedException when the calling thread was interrupted (the lookups are stopped)
     */
    public static List<String> find(List<String> domains, DomainRegistry registry, ThreadFactory threads)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: look the domains up on a pool made with `threads`; close it on every path"
                        + " and shutdownNow() it on a failure or an interrupt");
    }
}
