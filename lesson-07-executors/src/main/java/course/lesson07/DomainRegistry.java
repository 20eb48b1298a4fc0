package course.lesson07;

import java.io.IOException;

/**
 * Answers whether a domain name is still free to register: the lecture's {@code check_free},
 * behind an interface so that tests and demos can replace the network with a fake.
 *
 * <pre>{@code
 * DomainRegistry registry = domain -> {
 *     try { InetAddress.getByName(domain); return false; }   // resolves: taken
 *     catch (UnknownHostException e) { return true; }        // does not resolve: free
 * };
 * }</pre>
 */
@FunctionalInterface
public interface DomainRegistry {
    /**
     * Looks one domain up. May block (network latency) and should stop early when its
     * thread is interrupted.
     *
     * @param domain the full domain name, e.g. {@code "python.org"}
     * @return {@code true} when the name is free
     * @throws IOException          when the registry cannot answer
     * @throws InterruptedException when the thread was interrupted while waiting for the answer
     */
    boolean isFree(String domain) throws IOException, InterruptedException;
}
