package course.lesson07.demo;

import course.shared.demo.LectureTable;
import course.shared.demo.DemoArgs;
import course.shared.demo.ModelServer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Demo 1 · The lecture's domain check on a pool of 4 workers, results in input order
 * ({@code executor.map}) and in completion order ({@code as_completed}); then the same checks
 * with 100 platform threads and with one virtual thread per name.
 *
 * <p>The lecture gives no times for its {@code concurrent.futures} programs. It says they do the
 * job of section 5 (a queue and N workers), whose table has 1.19 s for 4 workers and 4.14 s for
 * 100: those two figures stand in the Python column, the other rows have none.
 *
 * <p>No network: the name server is the model of lesson 05, run 20 times faster than the lecture:
 * 100 names, an answer in 5.30 s / 100 of lecture time, at most 8 queries at a time, the rest
 * dropped and retried after 0.345 s. The first name, {@code python.mil}, answers only after 1 s of
 * lecture time: a slow first input is where input order hurts. The rising time with 100 threads
 * of either kind is the model's overload, not a measurement.
 *
 * <p>Runs on the starter: it uses {@code CompletableFuture}s, not your {@code InputOrderMap},
 * {@code CompletionOrder} or {@code VirtualFetcher}. The Java column is what this machine
 * measured, the best of 3 runs; the ratio and the chart use Java × 20.
 *
 * <pre>
 * ./mvnw -q compile exec:java -pl lesson-07-executors -Dexec.mainClass=course.lesson07.demo.Demo01_MapVsAsCompleted
 * </pre>
 *
 * <p>{@code -Dexec.args="--scale=200 --repeat=1"} runs it ten times shorter, once (the test
 * does). Writes the table and a Mermaid chart to
 * {@code lesson-07-executors/target/demo/lesson-07-executors.md} and {@code .mmd}.
 */
public final class Demo01_MapVsAsCompleted {
    static final int NAMES = 100;
    static final int SERVER_SLOTS = 8;
    /** Model, in lecture seconds. */
    static final double ANSWER = 5.30 / NAMES;
    static final double RETRY = 0.345;
    static final double SLOW_FIRST = 1.0;
    /** The lecture's section 5 figures, seconds: 4 workers and 100 workers. */
    static final double PYTHON_4_WORKERS = 1.19;
    static final double PYTHON_100_WORKERS = 4.14;

    private Demo01_MapVsAsCompleted() {
    }

    /** When the first result was reported and when the last was, in seconds after the start. */
    record Timing(double first, double all) {
        Timing best(Timing other) {
            return new Timing(Math.min(first, other.first), Math.min(all, other.all));
        }
    }

    public static void main(String[] args) throws Exception {
        double scale = DemoArgs.scale(args, 20);
        int repeats = (int) DemoArgs.number(args, "repeat", 3);
        List<String> names = new ArrayList<>(List.of("python.mil"));
        for (int i = 1; i < NAMES; i++) {
            names.add("python-" + i + ".org");
        }
        System.out.printf("%d names; model server: %d at a time, retry after %.3f s; python.mil answers after %.3f s;"
                        + " scale 1:%s; best of %d; %d cores%n%n", NAMES, SERVER_SLOTS, RETRY / scale,
                SLOW_FIRST / scale, scale, repeats, Runtime.getRuntime().availableProcessors());

        Timing map = null;
        Timing completed = null;
        Timing platform = null;
        Timing virtual = null;
        for (int attempt = 0; attempt < repeats; attempt++) {    // other programs only ever add time
            boolean show = attempt == 0;
            Timing m = inInputOrder(names, scale, show);
            Timing c = inCompletionOrder(names, scale, show);
            Timing p = allAtOnce(names, scale, pool(100));
            Timing v = allAtOnce(names, scale, Executors.newVirtualThreadPerTaskExecutor());
            map = map == null ? m : map.best(m);
            completed = completed == null ? c : completed.best(c);
            platform = platform == null ? p : platform.best(p);
            virtual = virtual == null ? v : virtual.best(v);
        }

        LectureTable table = new LectureTable("Lesson 07 · 100 domain checks on an executor", "run", "s", scale)
                .row("4 workers, map: first result", Double.NaN, map.first())
                .row("4 workers, as_completed: first result", Double.NaN, completed.first())
                .row("4 workers, map: all results", PYTHON_4_WORKERS, map.all())
                .row("4 workers, as_completed: all results", PYTHON_4_WORKERS, completed.all())
                .row("100 platform threads: all results", PYTHON_100_WORKERS, platform.all())
                .row("a virtual thread per name: all results", Double.NaN, virtual.all());
        table.printAndSave(Demo01_MapVsAsCompleted.class, "lesson-07-executors");
    }

    /** Python's executor.map: submit everything, then report the results in input order. */
    static Timing inInputOrder(List<String> names, double scale, boolean show) {
        Registry server = new Registry(scale);
        ExecutorService pool = pool(4);
        long start = System.nanoTime();
        double first = -1;
        try (pool) {
            List<CompletableFuture<Boolean>> answers = names.stream()
                    .map(name -> CompletableFuture.supplyAsync(() -> server.isFree(name), pool)).toList();
            for (int i = 0; i < names.size(); i++) {
                boolean free = answers.get(i).join();               // waits for this one, whatever is done
                first = first < 0 ? seconds(start) : first;
                if (show && i < 3) {
                    System.out.printf("map           #%d %-18s free=%-5s at %.3f s%n", i + 1, names.get(i), free, seconds(start));
                }
            }
        }
        return new Timing(first, seconds(start));
    }

    /** Python's as_completed: report each name the moment its answer is there. */
    static Timing inCompletionOrder(List<String> names, double scale, boolean show) throws InterruptedException {
        Registry server = new Registry(scale);
        record Answer(String name, boolean free) {
        }
        BlockingQueue<Answer> arrived = new LinkedBlockingQueue<>();
        ExecutorService pool = pool(4);
        long start = System.nanoTime();
        double first = -1;
        try (pool) {
            for (String name : names) {
                CompletableFuture.supplyAsync(() -> server.isFree(name), pool)
                        .thenAccept(free -> arrived.add(new Answer(name, free)));   // the answer carries its name
            }
            for (int i = 0; i < names.size(); i++) {
                Answer answer = arrived.take();
                first = first < 0 ? seconds(start) : first;
                if (show && i < 3) {
                    System.out.printf("as_completed  #%d %-18s free=%-5s at %.3f s%n", i + 1, answer.name(), answer.free(), seconds(start));
                }
            }
        }
        return new Timing(first, seconds(start));
    }

    /** Every check on the given executor; closing it waits for all of them. */
    static Timing allAtOnce(List<String> names, double scale, ExecutorService executor) {
        Registry server = new Registry(scale);
        long start = System.nanoTime();
        try (executor) {
            names.forEach(name -> executor.execute(() -> server.isFree(name)));
        }
        double all = seconds(start);
        return new Timing(all, all);
    }

    /** A fixed pool whose threads are started before any task arrives, like the lecture's workers. */
    static ExecutorService pool(int threads) {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads);
        pool.prestartAllCoreThreads();
        return pool;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The simulated name server of lesson 05 (the model server), whose first name answers late. */
    static final class Registry {
        private final ModelServer server;

        Registry(double scale) {
            this.server = new ModelServer(SERVER_SLOTS, ANSWER, RETRY, scale);
        }

        boolean isFree(String name) {
            if (name.equals("python.mil")) {
                server.pause(SLOW_FIRST);
                return false;
            }
            server.query();
            return name.hashCode() % 3 == 0;
        }
    }
}
