package course.lesson05.demo;

import course.shared.demo.LectureTable;
import course.shared.demo.DemoArgs;
import course.shared.demo.ModelServer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Demo 01 · The lecture's table of workers against time (1 to 100 workers reading one queue of
 * domain checks: 5.30 s, 4.07 s, 1.19 s, 1.56 s, 2.01 s, 1.12 s, 2.46 s, 4.14 s), next to Java's.
 *
 * <p>No network: the name server is a <b>model</b>, run 20 times faster than the lecture's time:
 * <ul>
 *   <li>100 names; an answer takes 5.30 s / 100 of lecture time, so one worker gives the lecture's
 *       5.30 s;</li>
 *   <li>the server answers {@value #SERVER_SLOTS} queries at a time; a query that arrives when it
 *       is full is dropped and retried after a timeout ({@value #RETRY} s of lecture time), which
 *       is what makes 50 and 100 workers slow again. That rising tail is modelled, not measured.</li>
 * </ul>
 * The workers are the JDK's own {@code Executors.newFixedThreadPool(n)}: n threads reading one
 * shared queue, the lecture's design (and what your {@code WorkerPool} of Exercise 2 builds by
 * hand; this demo does not use it, so it runs on the starter). The Java column is what this
 * machine measured, the best of 3 runs per row; the ratio and the chart use Java × 20.
 *
 * <p>A last comparison follows the lecture's argument for a queue: the same 4 workers, once
 * sharing one queue, once each given a quarter of the list up front, with one name that does not
 * answer for 3 s of lecture time.
 *
 * <pre>
 * ./mvnw -q compile exec:java -pl lesson-05-queues -Dexec.mainClass=course.lesson05.demo.Demo01_WorkersVsTime
 * </pre>
 *
 * <p>{@code -Dexec.args="--scale=200 --repeat=1"} runs it ten times shorter, once per row (the
 * test does). Writes the table and a Mermaid chart to
 * {@code lesson-05-queues/target/demo/lesson-05-workers.md} and {@code .mmd}.
 */
public final class Demo01_WorkersVsTime {
    static final int NAMES = 100;
    static final int SERVER_SLOTS = 8;
    static final int[] WORKERS = {1, 2, 4, 5, 10, 20, 50, 100};
    static final double[] PYTHON = {5.30, 4.07, 1.19, 1.56, 2.01, 1.12, 2.46, 4.14};
    /** Model, in lecture seconds. */
    static final double ANSWER = 5.30 / NAMES;
    static final double RETRY = 0.345;
    static final double SILENT = 3.0;

    private Demo01_WorkersVsTime() {
    }

    public static void main(String[] args) throws Exception {
        double scale = DemoArgs.scale(args, 20);
        int repeats = (int) DemoArgs.number(args, "repeat", 3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < NAMES; i++) {
            names.add("python-" + i + ".org");
        }
        System.out.printf("%d names; model server: %d queries at a time, retry after %.3f s; scale 1:%s;"
                        + " best of %d runs per row; %d cores%n%n",
                NAMES, SERVER_SLOTS, RETRY / scale, scale, repeats, Runtime.getRuntime().availableProcessors());

        LectureTable table = new LectureTable("Lesson 05 · workers against time", "workers", "s", scale);
        for (int i = 0; i < WORKERS.length; i++) {
            double best = Double.MAX_VALUE;
            for (int attempt = 0; attempt < repeats; attempt++) {   // other programs only ever add time
                best = Math.min(best, sharedQueue(names, WORKERS[i], new Resolver(scale, "")));
            }
            System.out.printf("%4d workers  %6.3f s%n", WORKERS[i], best);
            table.row(Integer.toString(WORKERS[i]), PYTHON[i], best);
        }
        table.printAndSave(Demo01_WorkersVsTime.class, "lesson-05-workers");

        String silent = names.get(7);
        System.out.printf("%n4 workers, %s does not answer for %.2f s:%n", silent, SILENT / scale);
        System.out.printf("  one shared queue          %6.3f s  (a free worker takes the next name)%n",
                sharedQueue(names, 4, new Resolver(scale, silent)));
        System.out.printf("  list split in 4 up front  %6.3f s  (the quarter with the silent name finishes last)%n",
                splitUpFront(names, 4, new Resolver(scale, silent)));
    }

    /** n threads take names from one queue: that is what a fixed thread pool is. */
    static double sharedQueue(List<String> names, int workers, Resolver server) throws Exception {
        List<Callable<Void>> jobs = names.stream().<Callable<Void>>map(name -> () -> {
            server.lookup(name);
            return null;
        }).toList();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(workers);
        try (pool) {
            pool.prestartAllCoreThreads();      // as in the lecture: the workers wait first, then the jobs arrive
            long start = System.nanoTime();
            pool.invokeAll(jobs);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** n threads, each given its own quarter (n-th) of the list before anything starts. */
    static double splitUpFront(List<String> names, int workers, Resolver server) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        int size = (names.size() + workers - 1) / workers;
        for (int w = 0; w < workers; w++) {
            List<String> part = names.subList(w * size, Math.min(names.size(), (w + 1) * size));
            threads.add(Thread.ofPlatform().start(() -> part.forEach(server::lookup)));
        }
        for (Thread t : threads) {
            t.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The simulated name server (see the class comment): the model server, and one name that never answers. */
    static final class Resolver {
        private final ModelServer server;
        private final String silent;

        Resolver(double scale, String silent) {
            this.server = new ModelServer(SERVER_SLOTS, ANSWER, RETRY, scale);
            this.silent = silent;
        }

        void lookup(String name) {
            if (name.equals(silent)) {
                server.pause(SILENT);
                return;
            }
            server.query();
        }
    }
}
