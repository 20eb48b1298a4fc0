package course.lesson07;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Looks domains up concurrently in a fixed pool and returns the free ones, leaving no thread
 * and no lookup behind on any path.
 *
 * <p>The pool of {@value #WORKERS} threads is made by the caller's {@link ThreadFactory} and
 * opened in a {@code try}-with-resources block, so {@link ExecutorService#close()} shuts it down
 * and waits until every worker has finished, whether the method returns or throws. On the two
 * abnormal paths the remaining lookups are not worth waiting for: {@code shutdownNow()}
 * interrupts them first, and {@code close()} then waits only for them to stop.
 * <ul>
 *   <li>a lookup fails: its own {@code IOException} (or unchecked exception) is rethrown,
 *       unwrapped from the {@code ExecutionException};</li>
 *   <li>the calling thread is interrupted: the {@code InterruptedException} propagates.</li>
 * </ul>
 *
 * <p>Sample usage:
 * <pre>{@code
 * List<String> free = FreeDomains.find(List.of("python.org", "python.xyz"), registry,
 *         Thread.ofPlatform().name("lookup-", 0).factory());
 * }</pre>
 *
 * <p>Memory consistency effects: actions of each lookup happen-before {@code find} reads its
 * answer; the termination of every pool thread happens-before {@code find} returns or throws.
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
        try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS, threads)) {
            List<Future<Boolean>> answers = new ArrayList<>(domains.size());
            for (String domain : domains) {
                answers.add(pool.submit(() -> registry.isFree(domain)));
            }
            try {
                List<String> free = new ArrayList<>();
                for (int i = 0; i < answers.size(); i++) {
                    if (answers.get(i).get()) {
                        free.add(domains.get(i));
                    }
                }
                return free;
            } catch (ExecutionException e) {
                pool.shutdownNow();                       // interrupt the lookups still running
                throw unwrap(e.getCause());
            } catch (InterruptedException e) {
                pool.shutdownNow();
                throw e;                                   // never swallow an interrupt
            }
        }                                                  // close(): waits until every worker has ended
    }

    private static IOException unwrap(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException("lookup failed", cause);
    }
}
