package course.lesson05.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Demo 02 · The same experiment with CPU-bound jobs: more workers than cores does not help.
 *
 * <p>Each of 32 jobs counts primes by trial division: pure computation, no waiting. With N
 * workers the time falls until N reaches the number of cores the JVM may use, then stays flat
 * (or gets slightly worse: the threads only take turns on the same cores). Compare with Demo 01,
 * where the jobs wait instead of compute and dozens of workers pay off.
 *
 * <p>Run: {@code mvn -q compile exec:java -pl lesson-05-queues -Dexec.mainClass=course.lesson05.demo.Demo02_CpuBoundWorkers}
 */
public final class Demo02_CpuBoundWorkers {

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("32 CPU-bound jobs; this JVM may use %d core(s)%n%n", cores);
        System.out.println("workers | total time");
        System.out.println("--------+-----------");
        run(cores);                                       // warm-up: let the JIT compile countPrimes
        run(cores);
        for (int workers : new int[] {1, 2, 4, 8, 16, 32}) {
            long ms = Math.min(run(workers), run(workers)); // best of two: less noise from other programs
            System.out.printf("%7d | %6d ms %s%n", workers, ms, workers == cores ? " <- one worker per core" : "");
        }
        System.out.println();
        System.out.println("Past the number of cores the time stops falling. On a machine busy with other programs,");
        System.out.println("more threads may still win a little: they grab a bigger share of the CPU from the others.");
    }

    static long run(int workers) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int job = 0; job < 32; job++) {
                int from = 1_000_000 + job * 20_000;
                results.add(pool.submit(() -> countPrimes(from, from + 20_000)));
            }
            for (Future<Integer> f : results) {
                f.get();
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    static int countPrimes(int from, int to) {
        int count = 0;
        for (int n = from; n < to; n++) {
            boolean prime = n > 1;
            for (int d = 2; (long) d * d <= n && prime; d++) {
                prime = n % d != 0;
            }
            if (prime) {
                count++;
            }
        }
        return count;
    }

    private Demo02_CpuBoundWorkers() {
    }
}
