package course.lesson04.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Demo 1 · The lecture's multiplication table, printed by nine threads: first without a lock
 * (lines get torn), then with one (every line whole). Independent of the exercises: it runs on the
 * starter code.
 *
 * <p>Each "line" is written piece by piece, as Python's {@code print(n, '*', i, '=', n * i)} does,
 * into a shared {@code StringBuilder}-backed terminal; the demo then counts the lines that are not
 * of the form {@code n * i = n·i}.
 *
 * <pre>
 * mvn -q compile exec:java -pl lesson-04-sync -Dexec.mainClass=course.lesson04.demo.Demo01_TornLines
 * </pre>
 *
 * <p>Typical output (the unlocked count varies from run to run and machine to machine; it can even
 * be 0 on a quiet single core: that is what makes races so treacherous):
 * <pre>
 * without a lock: 81 lines expected, 79 torn, e.g. "91 *243 1 * *5 *6 * = 1 17 * 18 * 1 9 = = * 1 = * 1 ="
 * with a lock:    81 lines expected,  0 torn
 * </pre>
 */
public final class Demo01_TornLines {
    private Demo01_TornLines() {
    }

    public static void main(String[] args) throws InterruptedException {
        report("without a lock:", run(false));
        report("with a lock:   ", run(true));
    }

    private static String run(boolean locked) throws InterruptedException {
        StringBuffer terminal = new StringBuffer(); // each append is atomic, a whole print() is not
        ReentrantLock printLock = new ReentrantLock();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> rows = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            int row = n;
            rows.add(Thread.ofPlatform().name("row-" + row).start(() -> {
                awaitQuietly(start);
                for (int i = 1; i <= 9; i++) {
                    if (locked) {
                        printLock.lock();
                    }
                    try {
                        Object[] parts = {row, "*", i, "=", row * i};
                        for (int p = 0; p < parts.length; p++) {
                            terminal.append(parts[p]);
                            Thread.yield(); // a slow terminal: give other threads a chance to cut in
                            terminal.append(p < parts.length - 1 ? " " : "\n");
                        }
                    } finally {
                        if (locked) {
                            printLock.unlock();
                        }
                    }
                }
            }));
        }
        start.countDown();
        for (Thread row : rows) {
            row.join();
        }
        return terminal.toString();
    }

    private static void report(String label, String output) {
        String[] lines = output.split("\n");
        List<String> torn = new ArrayList<>();
        for (String line : lines) {
            if (!line.matches("(\\d) \\* (\\d) = \\d+") || !isRight(line)) {
                torn.add(line);
            }
        }
        System.out.printf("%s 81 lines expected, %2d torn%s%n", label, torn.size(),
                torn.isEmpty() ? "" : ", e.g. \"" + torn.getFirst() + "\"");
    }

    private static boolean isRight(String line) {
        String[] w = line.split(" ");
        return Integer.parseInt(w[0]) * Integer.parseInt(w[2]) == Integer.parseInt(w[4]);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
