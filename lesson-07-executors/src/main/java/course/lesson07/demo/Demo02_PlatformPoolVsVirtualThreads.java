package course.lesson07.demo;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Demo 2 · Many blocking tasks: a fixed pool of platform threads against one virtual thread per
 * task. Every task only waits (a sleep standing in for a network call), so the only thing that
 * limits throughput is how many tasks can wait at the same time.
 *
 * <pre>
 * ./mvnw -q compile exec:java -pl lesson-07-executors -Dexec.mainClass=course.lesson07.demo.Demo02_PlatformPoolVsVirtualThreads
 * </pre>
 */
public final class Demo02_PlatformPoolVsVirtualThreads {

    static final int TASKS = 10_000;
    static final Duration WAIT = Duration.ofMillis(50);

    public static void main(String[] args) throws Exception {
        System.out.printf("%,d tasks, each blocked for %d ms, on %d cores%n%n", TASKS, WAIT.toMillis(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-40s %10s%n", "executor", "wall time");
        run("fixed pool, 100 platform threads", Executors.newFixedThreadPool(100));
        run("fixed pool, 1000 platform threads", Executors.newFixedThreadPool(1000));
        run("one virtual thread per task", Executors.newVirtualThreadPerTaskExecutor());
        System.out.printf("%nA pool of N threads needs about TASKS / N x %d ms; virtual threads let all %,d wait at once.%n",
                WAIT.toMillis(), TASKS);
    }

    static void run(String name, ExecutorService executor) {
        LongAdder finished = new LongAdder();
        long start = System.nanoTime();
        try (executor) {                                   // close() waits until every task has ended
            for (int i = 0; i < TASKS; i++) {
                executor.execute(() -> {
                    try {
                        Thread.sleep(WAIT);
                        finished.increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
        System.out.printf("%-40s %7d ms  (%,d tasks finished)%n", name, (System.nanoTime() - start) / 1_000_000, finished.sum());
    }
}
