package course.lesson06.demo;

import course.lesson06.Counter;
import course.lesson06.RacyCounter;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lecture's experiment, in Java: one thread adds 1 ten million times, another subtracts 1
 * ten million times, on the same counter. With a plain field ({@link RacyCounter}) updates are
 * lost and the result is almost never 0; with an {@link AtomicLong} it is 0 every time.
 *
 * <p>Hypothesis: Java has no GIL, so nothing makes {@code value++} atomic; the two threads run
 * truly in parallel on two cores and interleave their read-add-write steps.
 *
 * <p>Run: {@code mvn -q compile exec:java -pl lesson-06-memory-model
 * -Dexec.mainClass=course.lesson06.demo.Demo01_LostUpdates} (optional argument: the number of
 * steps per thread, default 10000000). Needs no exercise solved.
 */
public final class Demo01_LostUpdates {

    private Demo01_LostUpdates() {
    }

    public static void main(String[] args) throws InterruptedException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        System.out.printf("Cores available: %d. Each thread does %,d steps.%n%n",
                Runtime.getRuntime().availableProcessors(), steps);

        warmUp();
        System.out.println("1. A plain long field, watched while the threads run (like the lecture's print loop):");
        RacyCounter racy = new RacyCounter();
        CyclicBarrier start = new CyclicBarrier(2);
        Thread add = new Thread(() -> repeat(start, steps, racy::increment), "add");
        Thread sub = new Thread(() -> repeat(start, steps, racy::decrement), "sub");
        add.start();
        sub.start();
        while (add.isAlive() || sub.isAlive()) {
            System.out.printf("   value now: %,d%n", racy.get());
            Thread.sleep(50);          // only to pace the printing
        }
        add.join();
        sub.join();
        System.out.printf("   final value: %,d  (expected 0)%n%n", racy.get());

        System.out.println("2. Five more runs of each counter:");
        System.out.println("   run | plain long (RacyCounter) | AtomicLong");
        for (int run = 1; run <= 5; run++) {
            long plain = addAndSubtract(new RacyCounter(), steps);
            long atomic = addAndSubtract(atomicCounter(), steps);
            System.out.printf("   %3d | %,24d | %,10d%n", run, plain, atomic);
        }
        System.out.println();
        System.out.println("Every non-zero figure is lost updates: value++ reads, adds and writes in three steps,");
        System.out.println("and the other thread's write lands between them. CPython's GIL hid this for its own");
        System.out.println("reference counts; Java has no such lock, so shared counters need a lock or an atomic.");
    }

    static long addAndSubtract(Counter counter, int steps) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(2);
        Thread add = new Thread(() -> repeat(start, steps, counter::increment));
        Thread sub = new Thread(() -> repeat(start, steps, counter::decrement));
        add.start();
        sub.start();
        add.join();
        sub.join();
        return counter.get();
    }

    /** Waits until both threads are ready, so that they really run at the same time. */
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
     * Runs the loop with three other kinds of action first. Otherwise the JIT may inline
     * {@code value++} into the loop and fold the whole loop into one addition (legal for a plain
     * field: nothing says another thread is watching), and the race would hide.
     */
    private static void warmUp() {
        AtomicLong a = new AtomicLong();
        LongAdder b = new LongAdder();
        Runnable[] actions = {a::incrementAndGet, a::decrementAndGet, b::increment};
        for (Runnable action : actions) {
            repeat(new CyclicBarrier(1), 200_000, action);
        }
    }

    private static Counter atomicCounter() {
        AtomicLong value = new AtomicLong();
        return new Counter() {
            @Override
            public void increment() {
                value.incrementAndGet();
            }

            @Override
            public void decrement() {
                value.decrementAndGet();
            }

            @Override
            public long get() {
                return value.get();
            }
        };
    }
}
