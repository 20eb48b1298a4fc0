package course.lesson07.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * Demo 3 · CPU-bound work in Java needs threads, not processes. Python reaches for
 * {@code ProcessPoolExecutor} because the GIL lets only one thread run bytecode at a time; the
 * JVM has no such lock, so a pool with one thread per core (or the {@code ForkJoinPool} behind
 * parallel streams) uses every core inside one process.
 *
 * <p>The work: count the primes below a bound by trial division, split into chunks.
 *
 * <pre>
 * mvn -q compile exec:java -pl lesson-07-executors -Dexec.mainClass=course.lesson07.demo.Demo03_CpuBoundNeedsNoProcesses
 * </pre>
 */
public final class Demo03_CpuBoundNeedsNoProcesses {

    static final long LIMIT = 3_000_000;
    static final int CHUNKS = 64;

    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    static long countPrimes(long from, long to) {
        long count = 0;
        for (long n = from; n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("primes below %,d, %d cores%n%n%-36s %8s %10s %8s%n", LIMIT, cores,
                "how", "primes", "wall time", "speed-up");
        countPrimes(0, LIMIT / 10);   // warm up the JIT so the first row is not penalised

        long t0 = System.nanoTime();
        long sequential = countPrimes(0, LIMIT);
        long base = System.nanoTime() - t0;
        row("one thread", sequential, base, base);

        t0 = System.nanoTime();
        long pooled = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            List<Future<Long>> parts = new ArrayList<>();
            long step = LIMIT / CHUNKS;
            for (int c = 0; c < CHUNKS; c++) {
                long from = c * step;
                long to = c == CHUNKS - 1 ? LIMIT : from + step;
                parts.add(pool.submit(() -> countPrimes(from, to)));
            }
            for (Future<Long> part : parts) {
                pooled += part.get();
            }
        }
        row("fixed pool, one thread per core", pooled, System.nanoTime() - t0, base);

        t0 = System.nanoTime();
        long forkJoin = LongStream.range(0, LIMIT).parallel().filter(Demo03_CpuBoundNeedsNoProcesses::isPrime).count();
        row("parallel stream (ForkJoinPool)", forkJoin, System.nanoTime() - t0, base);

        System.out.printf("%nExpect a speed-up close to the number of free cores; on a busy machine, less.%n"
                + "For separate programs (other languages, isolation, crash safety) see lesson 03: processes.%n");
    }

    static void row(String how, long primes, long nanos, long base) {
        System.out.printf("%-36s %8d %7d ms %7.1fx%n", how, primes, nanos / 1_000_000, (double) base / nanos);
    }
}
