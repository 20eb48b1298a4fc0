package course.lesson06.demo;

import course.shared.demo.LectureTable;
import course.shared.demo.DemoArgs;

import course.lesson06.Counter;
import course.lesson06.RacyCounter;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Demo 01 · The lecture's experiment: one thread adds 1 ten million times, another subtracts 1
 * ten million times, on the same {@code x}. The lecture: before Python 3.10 the result is some
 * number other than 0; since 3.10 it prints 0. Here, four ways, side by side:
 *
 * <ol>
 *   <li><b>a model of CPython up to 3.9</b>: a tiny interpreter runs the loop's bytecode
 *       ({@code LOAD x, LOAD 1, ADD, STORE x, JUMP back}) on two Java threads that must hold one
 *       global lock (the GIL) to execute; every {@value #SWITCH_INTERVAL} instructions the holder
 *       hands the GIL over, <em>between any two instructions</em>, so sometimes between the load
 *       and the store of {@code x += 1}: that update and everything the other thread did
 *       meanwhile are lost;</li>
 *   <li><b>a model of CPython 3.10 and later</b>: the same, but the hand-over happens only at the
 *       loop's jump back, never inside {@code x += 1}: always 0;</li>
 *   <li><b>Java, no GIL</b>: a plain {@code long} field ({@link RacyCounter}), the two threads
 *       really in parallel: lost updates on most runs, a different number each time. On a busy
 *       machine the two threads may not run at the same moment at all, and then nothing is lost
 *       (luck, not correctness): the demo runs it again, up to {@value #RACY_RUNS} times, until
 *       a run loses updates, and says which run that was;</li>
 *   <li><b>Java, nothing shared</b>: each thread counts in its own local variable and the main
 *       thread adds the two results once both have ended ({@code join} makes them visible): 0.</li>
 * </ol>
 * The models are models: they show <em>where</em> a switch may fall, not how fast CPython is.
 * How to make a shared counter correct in Java is Exercise 2; this demo does not use it, and runs
 * on the starter.
 *
 * <pre>
 * ./mvnw -q compile exec:java -pl lesson-06-memory-model -Dexec.mainClass=course.lesson06.demo.Demo01_LostUpdates
 * </pre>
 *
 * <p>{@code -Dexec.args=--steps=100000} runs fewer steps (the test does). Writes the table and a
 * Mermaid chart to {@code lesson-06-memory-model/target/demo/lesson-06-counter.md} and {@code .mmd}.
 */
public final class Demo01_LostUpdates {
    /** Instructions between two hand-overs of the modelled GIL: not a multiple of the loop's 5. */
    static final int SWITCH_INTERVAL = 49_999;
    /** At most this many runs of the plain field until one loses updates. */
    static final int RACY_RUNS = 20;

    private Demo01_LostUpdates() {
    }

    public static void main(String[] args) throws Exception {
        int steps = (int) DemoArgs.number(args, "steps", 10_000_000);
        System.out.printf("Cores available: %d. Each thread does %,d steps; x should end at 0.%n%n",
                Runtime.getRuntime().availableProcessors(), steps);

        long[] old = timed("model of CPython <= 3.9", () -> new GilModel(false).run(steps));
        long[] new310 = timed("model of CPython >= 3.10", () -> new GilModel(true).run(steps));
        warmUp();
        long[] plain = {0, 0};
        int runs = 0;
        while (plain[0] == 0 && runs < RACY_RUNS) {      // overlap is up to the scheduler: try again
            runs++;
            plain = timed("Java, plain long field, run " + runs, () -> racy(steps));
        }
        long[] own = timed("Java, each thread its own count", () -> confined(steps));

        LectureTable table = new LectureTable("Lesson 06 · x after add() and sub() ran " + String.format("%,d", steps)
                + " times each", "run", "", 1)
                .row("CPython <= 3.9 (model)", Double.NaN, old[0])
                .row("CPython >= 3.10 (model)", 0, new310[0])
                .row("Java, plain long, no GIL (run " + runs + ")", Double.NaN, plain[0])
                .row("Java, each thread its own count", Double.NaN, own[0]);
        List<String> labels = List.of("CPython <= 3.9 (model)", "CPython >= 3.10 (model)",
                "Java, plain long", "Java, own counts");
        String chart = LectureTable.chart("Lesson 06 · updates lost (|x| at the end, 0 = correct), this machine",
                labels, "updates lost", List.of(new double[] {
                        Math.abs(old[0]), Math.abs(new310[0]), Math.abs(plain[0]), Math.abs(own[0])}), List.of());
        table.printAndSave(Demo01_LostUpdates.class, "lesson-06-counter", chart);
        System.out.println("The lecture gives no number for Python up to 3.9, only \"not 0\"; since 3.10, 0.");
    }

    @FunctionalInterface
    private interface Experiment {
        long run() throws Exception;
    }

    private static long[] timed(String what, Experiment experiment) throws Exception {
        long start = System.nanoTime();
        long x = experiment.run();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%-34s x = %,14d   (%,d ms)%n", what, x, ms);
        return new long[] {x, ms};
    }

    /**
     * Two interpreter threads, one global lock. Holding the lock is the only way to execute an
     * instruction, so the model itself is properly synchronised: every lost update is the model's
     * point, not a Java data race.
     */
    static final class GilModel {
        private final ReentrantLock gil = new ReentrantLock(true);   // fair: a hand-over really hands over
        private final boolean switchOnlyAtJumps;
        private long x;                                               // guarded by gil

        GilModel(boolean switchOnlyAtJumps) {
            this.switchOnlyAtJumps = switchOnlyAtJumps;
        }

        long run(int steps) throws InterruptedException {
            Thread add = Thread.ofPlatform().name("add").start(() -> interpret(+1, steps));
            Thread sub = Thread.ofPlatform().name("sub").start(() -> interpret(-1, steps));
            add.join();
            sub.join();
            gil.lock();
            try {
                return x;
            } finally {
                gil.unlock();
            }
        }

        /** {@code for i in range(steps): x += delta}, as five bytecodes per iteration. */
        private void interpret(int delta, int steps) {
            gil.lock();
            try {
                long register = 0;
                int sinceSwitch = 0;
                for (int i = 0; i < steps; i++) {
                    for (int pc = 0; pc < 5; pc++) {
                        switch (pc) {
                            case 0 -> register = x;            // LOAD_GLOBAL x
                            case 1 -> { }                      // LOAD_CONST 1
                            case 2 -> register += delta;       // BINARY_OP +=
                            case 3 -> x = register;            // STORE_GLOBAL x
                            default -> { }                     // JUMP_BACKWARD
                        }
                        boolean mayDrop = !switchOnlyAtJumps || pc == 4;
                        if (++sinceSwitch >= SWITCH_INTERVAL && mayDrop) {
                            sinceSwitch = 0;
                            if (gil.hasQueuedThreads()) {      // the other thread asked for the GIL
                                gil.unlock();
                                gil.lock();
                            }
                        }
                    }
                }
            } finally {
                gil.unlock();
            }
        }
    }

    /** Two threads, no lock, one plain field: the JVM runs them truly in parallel. */
    private static long racy(int steps) throws InterruptedException {
        Counter counter = new RacyCounter();
        CyclicBarrier start = new CyclicBarrier(2);
        Thread add = Thread.ofPlatform().start(() -> repeat(start, steps, counter::increment));
        Thread sub = Thread.ofPlatform().start(() -> repeat(start, steps, counter::decrement));
        add.join();
        sub.join();
        return counter.get();
    }

    /** Nothing shared while the threads run: each counts locally, main adds after join(). */
    private static long confined(int steps) throws InterruptedException {
        long[] results = new long[2];                  // each thread writes only its own slot, once
        Thread add = Thread.ofPlatform().start(() -> {
            long mine = 0;
            for (int i = 0; i < steps; i++) {
                mine++;
            }
            results[0] = mine;
        });
        Thread sub = Thread.ofPlatform().start(() -> {
            long mine = 0;
            for (int i = 0; i < steps; i++) {
                mine--;
            }
            results[1] = mine;
        });
        add.join();                                     // join: the thread's writes happen-before this line
        sub.join();
        return results[0] + results[1];
    }

    private static void repeat(CyclicBarrier start, int times, Runnable action) {
        try {
            start.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }

    /**
     * Runs {@code repeat}'s loop with other kinds of action first. Otherwise the JIT may inline
     * {@code value++} into the loop and fold the whole loop into one addition (legal for a plain
     * field: nothing says another thread is watching), and the race would hide.
     */
    private static void warmUp() {
        long[] sink = new long[3];
        Runnable[] actions = {() -> sink[0]++, () -> sink[1] += 2, () -> sink[2] ^= 1};
        for (Runnable action : actions) {
            try {
                repeat(new CyclicBarrier(1), 200_000, action);
            } catch (IllegalStateException e) {
                throw e;
            }
        }
    }
}
