package course.lesson04.demo;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Demo 2 · The lecture's table: how long checking 200 domain names takes against the number of
 * lookups allowed in flight (1 to 500, and no limit). Independent of the exercises: it uses
 * {@link java.util.concurrent.Semaphore}, not your {@code BoundedSemaphore}, and a simulated DNS
 * server, never the network.
 *
 * <p>One thread per domain, as in the lecture. The simulated server answers a query in about 20 ms
 * while at most 8 queries are in flight; above that it shares its capacity among them and wastes
 * some on the overload (a server, a network link or a rate limiter that is swamped). So a small
 * limit leaves capacity unused, a moderate one is fastest, and a large one is no better than no
 * limit at all, even a little worse: the shape of the lecture's figures (6.37 s with 1 permit,
 * 0.97 s with 5, about 4 s with 100, 500 or no semaphore).
 *
 * <pre>
 * mvn -q compile exec:java -pl lesson-04-sync -Dexec.mainClass=course.lesson04.demo.Demo02_SemaphoreLimit
 * </pre>
 *
 * <p>Typical output (your times will differ a little):
 * <pre>
 *  limit  total time
 *      1     4.57 s
 *      2     2.11 s
 *      3     1.39 s
 *      4     1.05 s
 *      5     0.86 s
 *      8     0.55 s
 *     10     0.52 s
 *    100     0.99 s
 *    500     1.48 s
 *   none     1.47 s
 * </pre>
 */
public final class Demo02_SemaphoreLimit {
    private static final int DOMAINS = 200;
    private static final long ANSWER_NANOS = 20_000_000;
    private static final int SERVER_CAPACITY = 8;

    private Demo02_SemaphoreLimit() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < DOMAINS; i++) {
            domains.add("python" + i + (i % 3 == 0 ? ".free" : ".org"));
        }
        System.out.println(" limit  total time");
        for (int limit : new int[] {1, 2, 3, 4, 5, 8, 10, 100, 500, Integer.MAX_VALUE}) {
            double seconds = checkAll(domains, limit);
            System.out.printf("%6s  %7.2f s%n", limit == Integer.MAX_VALUE ? "none" : limit, seconds);
        }
    }

    private static double checkAll(List<String> domains, int limit) throws InterruptedException {
        SimulatedDns dns = new SimulatedDns();
        Semaphore connections = new Semaphore(limit);
        AtomicInteger taken = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (String domain : domains) {
            threads.add(Thread.ofPlatform().start(() -> {
                connections.acquireUninterruptibly();
                try {
                    dns.resolve(domain);
                    taken.incrementAndGet();
                } catch (UnknownHostException free) {
                    // free name: nothing to count
                } finally {
                    connections.release();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Answers in ANSWER_NANOS, slowed down in proportion once more than SERVER_CAPACITY queries are in flight. */
    private static final class SimulatedDns {
        private final AtomicInteger inFlight = new AtomicInteger();

        String resolve(String host) throws UnknownHostException {
            int now = inFlight.incrementAndGet();
            try {
                // Up to capacity every query takes ANSWER_NANOS; beyond it the queries share the
                // server (proportionally slower) and each extra one adds some overhead on top.
                double overload = Math.max(1.0, (double) now / SERVER_CAPACITY);
                double overhead = 1.0 + Math.max(0, now - SERVER_CAPACITY) / 100.0;
                long delay = (long) (ANSWER_NANOS * overload * overhead);
                LockSupport.parkNanos(delay); // simulated latency only
                if (host.endsWith(".free")) {
                    throw new UnknownHostException(host);
                }
                return "192.0.2." + host.length();
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }
}
