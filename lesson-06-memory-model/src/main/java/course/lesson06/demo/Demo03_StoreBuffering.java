package course.lesson06.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;

/**
 * A home-made litmus test in the style of jcstress: store buffering (Dekker's test).
 *
 * <pre>
 * thread 1:  x = 1;  r1 = y;
 * thread 2:  y = 1;  r2 = x;
 * </pre>
 *
 * <p>Question (Exercise 5 asks it): which of the four outcomes does the JMM allow with plain
 * fields, and which with volatile ones? The demo does not answer it: it only counts what this
 * machine produced. Mind the asymmetry: an outcome seen once is possible; an outcome never seen
 * may still be allowed (the CPU, the JIT and the timing decide what you get to see).
 *
 * <p>The two threads run over a fresh array of cells in each round, starting together; the demo
 * counts how often each outcome appeared. How often {@code r1=0, r2=0} shows up depends on the
 * CPU, the load and luck: zero in one run proves nothing (that is why the graded tests never rely
 * on it), while a single occurrence proves that outcome possible.
 *
 * <p>Run: {@code ./mvnw -q compile exec:java -pl lesson-06-memory-model
 * -Dexec.mainClass=course.lesson06.demo.Demo03_StoreBuffering} (optional argument: rounds,
 * default 50). Needs no exercise solved.
 */
public final class Demo03_StoreBuffering {

    private static final int CELLS = 100_000;

    private Demo03_StoreBuffering() {
    }

    static final class Plain {
        int x;
        int y;
        int r1;
        int r2;
    }

    static final class Volatile {
        volatile int x;
        volatile int y;
        int r1;
        int r2;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        System.out.printf("Cores available: %d; %,d trials per variant.%n%n",
                Runtime.getRuntime().availableProcessors(), (long) rounds * CELLS);
        print("plain int x, y", plain(rounds));
        print("volatile int x, y", volatile_(rounds));
        System.out.println("Which outcomes does the JMM allow in each case, and why? That is Exercise 5.");
    }

    private static void print(String variant, Map<String, Long> counts) {
        System.out.println(variant + ":");
        counts.forEach((outcome, n) -> System.out.printf("   %-12s %,12d%n", outcome, n));
        System.out.println();
    }

    private static Map<String, Long> plain(int rounds) throws Exception {
        Map<String, Long> counts = emptyCounts();
        for (int round = 0; round < rounds; round++) {
            Plain[] cells = new Plain[CELLS];
            for (int i = 0; i < CELLS; i++) {
                cells[i] = new Plain();
            }
            together(() -> {
                for (Plain c : cells) {
                    c.x = 1;
                    c.r1 = c.y;
                }
            }, () -> {
                for (Plain c : cells) {
                    c.y = 1;
                    c.r2 = c.x;
                }
            });
            for (Plain c : cells) {
                counts.merge("r1=" + c.r1 + ", r2=" + c.r2, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Long> volatile_(int rounds) throws Exception {
        Map<String, Long> counts = emptyCounts();
        for (int round = 0; round < rounds; round++) {
            Volatile[] cells = new Volatile[CELLS];
            for (int i = 0; i < CELLS; i++) {
                cells[i] = new Volatile();
            }
            together(() -> {
                for (Volatile c : cells) {
                    c.x = 1;
                    c.r1 = c.y;
                }
            }, () -> {
                for (Volatile c : cells) {
                    c.y = 1;
                    c.r2 = c.x;
                }
            });
            for (Volatile c : cells) {
                counts.merge("r1=" + c.r1 + ", r2=" + c.r2, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Long> emptyCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String outcome : new String[] {"r1=0, r2=0", "r1=0, r2=1", "r1=1, r2=0", "r1=1, r2=1"}) {
            counts.put(outcome, 0L);
        }
        return counts;
    }

    /** Runs both actors at the same moment on two threads and waits for both. */
    private static void together(Runnable actor1, Runnable actor2) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Thread t1 = new Thread(() -> awaitThen(start, actor1));
        Thread t2 = new Thread(() -> awaitThen(start, actor2));
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    }

    private static void awaitThen(CyclicBarrier start, Runnable actor) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        actor.run();
    }
}
