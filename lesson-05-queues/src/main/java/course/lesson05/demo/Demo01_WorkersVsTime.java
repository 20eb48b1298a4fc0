package course.lesson05.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Demo 01 · How the total time of 100 I/O-bound jobs depends on the number of workers.
 *
 * <p>The lecture checked a few hundred domain names with N worker threads reading one queue and
 * got a table of total time against N: it falls steeply up to a handful of workers, stays flat,
 * and <em>rises</em> again at 50–100 workers. This demo reproduces that shape without a network:
 *
 * <ul>
 *   <li>100 jobs, each a simulated lookup of 10–40 ms (fixed seed, so every run is alike), plus
 *       one "domain that does not answer" that takes 600 ms;</li>
 *   <li>the simulated name server serves at most {@value #SERVER_SLOTS} requests at a time; a
 *       request beyond that is dropped and the client retries after {@value #RETRY_MS} ms
 *       (what a flooded DNS resolver does to you).</li>
 * </ul>
 *
 * <p>The workers are the JDK's own fixed pool ({@code Executors.newFixedThreadPool}): N threads
 * reading one shared queue, exactly the pattern of Exercise 2. The last rows compare a shared
 * queue with splitting the list into N equal parts up front.
 *
 * <p>Run: {@code mvn -q compile exec:java -pl lesson-05-queues -Dexec.mainClass=course.lesson05.demo.Demo01_WorkersVsTime}
 */
public final class Demo01_WorkersVsTime {

    static final int SERVER_SLOTS = 8;
    static final int RETRY_MS = 100;
    static final int SLOW_JOB = 7;

    private static final Semaphore server = new Semaphore(SERVER_SLOTS);
    private static final AtomicInteger retries = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        List<Integer> latencies = latencies(100);
        long sum = latencies.stream().mapToLong(Integer::longValue).sum();
        System.out.printf("100 jobs, %d ms of waiting in total, longest job %d ms, server handles %d at a time%n%n",
                sum, latencies.get(SLOW_JOB), SERVER_SLOTS);
        System.out.println("workers | total time | retries | shared queue of jobs");
        System.out.println("--------+------------+---------+---------------------");
        for (int workers : new int[] {1, 2, 4, 5, 8, 10, 20, 50, 100}) {
            retries.set(0);
            long ms = sharedQueue(latencies, workers);
            System.out.printf("%7d | %7d ms | %7d | %s%n", workers, ms, retries.get(), bar(ms));
        }
        System.out.println();
        System.out.println("4 workers, two ways to hand out the same 100 jobs:");
        retries.set(0);
        System.out.printf("  one shared queue        %5d ms  (a free worker takes the next job)%n", sharedQueue(latencies, 4));
        System.out.printf("  list split in 4 parts   %5d ms  (the part with the 600 ms job finishes last)%n",
                splitUpFront(latencies, 4));
    }

    /** N workers take jobs from one queue: Executors.newFixedThreadPool is exactly that. */
    static long sharedQueue(List<Integer> latencies, int workers) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int latency : latencies) {
                done.add(pool.submit(() -> lookup(latency)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** N threads, each given its own fixed slice of the list before anything starts. */
    static long splitUpFront(List<Integer> latencies, int workers) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        int size = (latencies.size() + workers - 1) / workers;
        for (int w = 0; w < workers; w++) {
            List<Integer> part = latencies.subList(w * size, Math.min(latencies.size(), (w + 1) * size));
            threads.add(Thread.ofPlatform().start(() -> part.forEach(Demo01_WorkersVsTime::lookup)));
        }
        for (Thread t : threads) {
            t.join();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** One simulated lookup: get a server slot (or be dropped and retry later), then wait. */
    static Void lookup(int latencyMs) {
        try {
            while (!server.tryAcquire()) {
                retries.incrementAndGet();
                Thread.sleep(RETRY_MS);                   // dropped: the client times out and retries
            }
            try {
                Thread.sleep(latencyMs);                  // the server is working on it: pure waiting
            } finally {
                server.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    static List<Integer> latencies(int n) {
        Random random = new Random(42);
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            result.add(i == SLOW_JOB ? 600 : 10 + random.nextInt(31));
        }
        return result;
    }

    private static String bar(long ms) {
        return "#".repeat((int) Math.max(1, ms / 50));
    }

    private Demo01_WorkersVsTime() {
    }
}
