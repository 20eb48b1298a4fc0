package course.lesson01.demo;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

/**
 * Demo 1 · Waiting tasks and computing tasks, one after another and on several threads.
 *
 * <p>Hypothesis: tasks that mostly <em>wait</em> (a download, a database call, simulated here by
 * a sleep) finish together in about the time of the longest one when each has a thread, even on
 * one core, because a waiting thread does not need the CPU. Tasks that <em>compute</em> (counting
 * primes) only get faster when there are cores to run them on, and never more than the number of
 * cores.
 *
 * <p>Run: {@code ./mvnw -q compile exec:java -pl lesson-01-approaches -Dexec.mainClass=course.lesson01.demo.Demo01_SequentialVsThreaded}
 *
 * <p>Typical output on a 4-core laptop (your figures will differ):
 * <pre>
 * waiting tasks   sequential   1203 ms   4 threads    302 ms   speed-up 3.98
 * computing tasks sequential   1870 ms   4 threads    520 ms   speed-up 3.60   (4 cores)
 * </pre>
 */
public final class Demo01_SequentialVsThreaded {
    private static final int TASKS = 4;

    private Demo01_SequentialVsThreaded() {
    }

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();

        long waitSeq = time(() -> runSequentially(Demo01_SequentialVsThreaded::waitAWhile));
        long waitPar = time(() -> runOnThreads(Demo01_SequentialVsThreaded::waitAWhile));
        System.out.printf("waiting tasks   sequential %6d ms   %d threads %6d ms   speed-up %.2f%n",
                waitSeq, TASKS, waitPar, (double) waitSeq / waitPar);

        long cpuSeq = time(() -> runSequentially(Demo01_SequentialVsThreaded::countPrimes));
        long cpuPar = time(() -> runOnThreads(Demo01_SequentialVsThreaded::countPrimes));
        System.out.printf("computing tasks sequential %6d ms   %d threads %6d ms   speed-up %.2f   (%d cores)%n",
                cpuSeq, TASKS, cpuPar, (double) cpuSeq / cpuPar, cores);
    }

    /** A task that waits, like a download: it needs almost no CPU. */
    private static long waitAWhile() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** A task that computes: it needs the CPU all the time. */
    private static long countPrimes() {
        return LongStream.range(2, 1_500_000).filter(Demo01_SequentialVsThreaded::isPrime).count();
    }

    private static boolean isPrime(long n) {
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    private interface Task {
        long run() throws Exception;
    }

    private static void runSequentially(Task task) throws Exception {
        for (int i = 0; i < TASKS; i++) {
            task.run();
        }
    }

    private static void runOnThreads(Task task) throws Exception {
        List<Callable<Long>> copies = Collections.nCopies(TASKS, task::run);
        try (ExecutorService pool = Executors.newFixedThreadPool(TASKS)) {
            pool.invokeAll(copies);                  // runs them all, returns when every one is done
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static long time(Body body) throws Exception {
        long start = System.nanoTime();
        body.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
