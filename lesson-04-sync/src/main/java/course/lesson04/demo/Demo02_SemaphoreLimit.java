package course.lesson04.demo;

import course.shared.demo.LectureTable;
import course.shared.demo.DemoArgs;
import course.shared.demo.ModelServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Demo 2 · The lecture's semaphore table, both runs: how long checking a list of domain names
 * takes, one thread per name, against the number of lookups allowed in flight (1, 2, 3, 4, 5,
 * 10, 100, 500 permits, and no semaphore). Next to the lecture's figures.
 *
 * <p>No network: the "DNS server" is a model, scaled 80 times shorter than the lecture's times
 * (the Java column is what this machine measured, the best of 3 runs per row; the ratio and the
 * chart use Java × 80):
 * <ul>
 *   <li>40 names; an answer takes 6.37 s / 40 names in lecture time (so one permit reproduces
 *       the lecture's 6.37 s of run 2);</li>
 *   <li>the server answers at most {@value #SERVER_SLOTS} queries at a time; a query that
 *       arrives when it is full is dropped and the client tries again after a retry timeout
 *       (what an overloaded resolver does), so too many queries at once get <em>slower</em>;</li>
 *   <li>run 1 only: three names ({@code python.mil}, {@code python.ac}, {@code python.sg}, the
 *       ones the lecture prints) get no answer until the resolver gives up after 11.06 s.</li>
 * </ul>
 * The shapes are therefore modelled, not measured on a network: the floor of run 1 and the
 * rising tail of run 2 come from the model's slow names and its overload. What Java adds is real:
 * 40 platform threads, a {@link Semaphore}, and how closely they follow the model.
 *
 * <pre>
 * ./mvnw -q compile exec:java -pl lesson-04-sync -Dexec.mainClass=course.lesson04.demo.Demo02_SemaphoreLimit
 * </pre>
 *
 * <p>{@code -Dexec.args="--scale=400 --repeat=1"} runs it five times shorter, once per row (the
 * test does). Writes the
 * tables and Mermaid charts to {@code lesson-04-sync/target/demo/lesson-04-semaphore-run1.md},
 * {@code -run2.md} and {@code .mmd}. Runs on the starter: it uses the JDK's {@code Semaphore},
 * not your {@code BoundedSemaphore} or {@code LimitedResolver}.
 */
public final class Demo02_SemaphoreLimit {
    static final int NAMES = 40;
    static final int SERVER_SLOTS = 10;
    static final int NO_SEMAPHORE = 0;
    static final int[] PERMITS = {1, 2, 3, 4, 5, 10, 100, 500, NO_SEMAPHORE};
    /** The lecture's two runs, in seconds, in the order of {@link #PERMITS}. */
    static final double[] PYTHON_RUN_1 = {32.86, 16.84, 15.73, 11.45, 10.74, 11.39, 10.61, 11.27, 11.24};
    static final double[] PYTHON_RUN_2 = {6.37, 2.92, 1.25, 1.82, 0.97, 1.07, 4.10, 4.14, 4.18};

    /** Model, in lecture seconds: one answer; the client's retry timeout; the silent names' give-up time. */
    static final double ANSWER = 6.37 / NAMES;
    static final double RETRY = 1.34;
    static final double SILENT = 11.06;

    private Demo02_SemaphoreLimit() {
    }

    public static void main(String[] args) throws InterruptedException {
        double scale = DemoArgs.scale(args, 80);
        int repeats = (int) DemoArgs.number(args, "repeat", 3);
        List<String> names = new ArrayList<>(List.of("python.mil", "python.ac", "python.sg"));
        for (int i = names.size(); i < NAMES; i++) {
            names.add("python-" + i + ".org");
        }
        System.out.printf("%d names, one thread each; model scaled 1:%s; best of %d runs per row; %d cores%n",
                names.size(), scale, repeats, Runtime.getRuntime().availableProcessors());

        for (int run = 1; run <= 2; run++) {
            Set<String> silent = run == 1 ? Set.of("python.mil", "python.ac", "python.sg") : Set.of();
            double[] python = run == 1 ? PYTHON_RUN_1 : PYTHON_RUN_2;
            LectureTable table = new LectureTable("Lesson 04 · semaphore, run " + run
                    + (run == 1 ? " (three names never answer)" : " (every name answers)"), "permits", "s", scale);
            System.out.printf("%nrun %d:%n", run);
            for (int i = 0; i < PERMITS.length; i++) {
                String label = PERMITS[i] == NO_SEMAPHORE ? "none" : Integer.toString(PERMITS[i]);
                double seconds = Double.MAX_VALUE;
                for (int attempt = 0; attempt < repeats; attempt++) {   // best of N: other programs add noise, never speed
                    seconds = Math.min(seconds, checkAll(names, PERMITS[i], new ModelDns(scale, silent)));
                }
                System.out.printf("  %-5s permits  %6.3f s%n", label, seconds);
                table.row(label, python[i], seconds);
            }
            table.printAndSave(Demo02_SemaphoreLimit.class, "lesson-04-semaphore-run" + run);
        }
    }

    /** One platform thread per name, as in the lecture; each takes a permit around its lookup. */
    private static double checkAll(List<String> names, int permits, ModelDns dns) throws InterruptedException {
        Semaphore connections = permits == NO_SEMAPHORE ? null : new Semaphore(permits);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (String name : names) {
            threads.add(Thread.ofPlatform().name("check-" + name).start(() -> {
                if (connections == null) {
                    dns.lookup(name);
                    return;
                }
                connections.acquireUninterruptibly();   // the lecture's "with connection_sem:"
                try {
                    dns.lookup(name);
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

    /** The simulated resolver (see the class comment): the model server, and names that never answer. */
    private static final class ModelDns {
        private final ModelServer server;
        private final Set<String> silent;

        ModelDns(double scale, Set<String> silent) {
            this.server = new ModelServer(SERVER_SLOTS, ANSWER, RETRY, scale);
            this.silent = silent;
        }

        void lookup(String name) {
            if (silent.contains(name)) {
                server.pause(SILENT);                // no answer: the resolver waits for its timeout
                return;
            }
            server.query();
        }
    }
}
