package course.lesson06.demo;

import course.lesson06.AdderCounter;
import course.lesson06.AtomicCounter;
import course.lesson06.Counter;
import course.lesson06.LockedCounter;
import course.lesson06.RacyCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

/**
 * How fast are the counters, and how wrong is the racy one, with 1 thread, as many threads as
 * cores, and twice that? Every configuration performs the same total number of increments,
 * shared out between the threads, so a correct counter always ends at that total.
 *
 * <p>What to expect (the shape, not the figures): with one thread all are fast; with several,
 * the racy counter loses updates, {@code synchronized} and {@code AtomicLong} slow down because
 * every core fights for one cache line, and {@code LongAdder} stays fast because each thread
 * mostly adds to its own cell. A rough single-run timing, not a benchmark (use JMH for that).
 * The racy counter is measured last so that the JIT cannot fold its loop into one addition.
 *
 * <p>Run: {@code mvn -q compile exec:java -pl lesson-06-memory-model
 * -Dexec.mainClass=course.lesson06.demo.Demo02_CounterSpeed} (optional argument: total
 * increments per configuration, default 10000000). It measures YOUR counters from exercise 2:
 * on the starter their rows say "not solved yet", and the racy counter still runs.
 */
public final class Demo02_CounterSpeed {

    private Demo02_CounterSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int cores = Runtime.getRuntime().availableProcessors();
        TreeSet<Integer> threadCounts = new TreeSet<>(List.of(1, cores, 2 * cores));

        Map<String, Supplier<Counter>> counters = new LinkedHashMap<>();
        counters.put("synchronized", LockedCounter::new);
        counters.put("AtomicLong", AtomicCounter::new);
        counters.put("LongAdder", AdderCounter::new);
        // Last on purpose: by then the loop's counter.increment() call has seen three other classes,
        // so the JIT cannot inline value++ and fold the whole loop into a single addition (which it
        // may legally do for a plain field, and which would hide the race).
        counters.put("plain long (racy)", RacyCounter::new);

        System.out.printf("This machine has %d core(s). Each row: %,d increments in total.%n%n", cores, total);
        System.out.printf("%-18s %7s %9s %9s %14s %13s%n",
                "counter", "threads", "ms", "ns/op", "final value", "lost updates");
        for (int threads : threadCounts) {
            for (Map.Entry<String, Supplier<Counter>> entry : counters.entrySet()) {
                if (!solved(entry.getValue().get())) {
                    System.out.printf("%-18s %7d   (not solved yet: exercise 2 of this lesson)%n", entry.getKey(), threads);
                    continue;
                }
                run(entry.getValue().get(), threads, total / 10);        // warm-up, not printed
                Counter counter = entry.getValue().get();
                long nanos = run(counter, threads, total);
                long perThread = total / threads;
                long expected = perThread * threads;
                System.out.printf("%-18s %7d %9.1f %9.2f %,14d %,13d%n", entry.getKey(), threads,
                        nanos / 1e6, (double) nanos / expected, counter.get(), expected - counter.get());
            }
            System.out.println();
        }
        System.out.printf("threads = 1, %d (cores) and %d (2 × cores).%n", cores, 2 * cores);
        System.out.println("Only the racy counter is ever wrong; the others differ in cost under contention.");
    }

    private static long run(Counter counter, int threads, int total) throws Exception {
        int perThread = total / threads;
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < perThread; i++) {
                    counter.increment();
                }
            });
            worker.start();
            workers.add(worker);
        }
        long begin = System.nanoTime();
        start.await();
        for (Thread worker : workers) {
            worker.join();
        }
        return System.nanoTime() - begin;
    }

    /** Whether the student's counter works yet (a starter throws "not implemented yet"). */
    private static boolean solved(Counter counter) {
        try {
            counter.increment();
            counter.decrement();
            return counter.get() == 0;
        } catch (UnsupportedOperationException notYet) {
            return false;
        }
    }
}
