package course.lesson04.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Demo 1 · Torn lines: the lecture's multiplication table, printed by nine tasks at once into a
 * terminal that receives each line piece by piece, as Python's {@code print(n, '*', i, '=', n * i)}
 * writes it. Independent of the exercises: it runs on the starter code.
 *
 * <p>Two ways to write a line, counted the same way (lines that are not {@code n * i = n·i}):
 * <ol>
 *   <li>piece by piece, nothing held: other tasks cut in between the pieces and lines tear;</li>
 *   <li>the whole line built first and handed to the terminal in <em>one</em> write: whole lines,
 *       because this terminal (a {@code StringBuffer}) takes a lock of its own inside each write.
 *       That is what {@code System.out.println} does too.</li>
 * </ol>
 * Exercise 2's {@code LineSink} takes a line in pieces, and the tests count the pieces, so there
 * the second way is not open: a lock held for the whole line is yours to add.
 *
 * <pre>
 * ./mvnw -q compile exec:java -pl lesson-04-sync -Dexec.mainClass=course.lesson04.demo.Demo01_TornLines
 * </pre>
 *
 * <p>Typical output (the piece-by-piece count varies from run to run and machine to machine; it can
 * even be 0 on a quiet single core: that is what makes races so treacherous):
 * <pre>
 * piece by piece:       81 lines expected, 79 torn, e.g. "91 *243 1 * *5 *6 * = 1 17 * 18 * 1 9 = = * 1 = * 1 ="
 * one write per line:   81 lines expected,  0 torn
 * </pre>
 */
public final class Demo01_TornLines {
    private Demo01_TornLines() {
    }

    public static void main(String[] args) throws Exception {
        report("piece by piece:    ", table(Demo01_TornLines::inPieces));
        report("one write per line:", table(Demo01_TornLines::inOneWrite));
    }

    @FunctionalInterface
    private interface LineWriter {
        void write(StringBuffer terminal, Object... parts);
    }

    /** Like Python's print: every part, every separator and the newline is a write of its own. */
    private static void inPieces(StringBuffer terminal, Object... parts) {
        for (int p = 0; p < parts.length; p++) {
            terminal.append(parts[p]);
            Thread.yield();                              // a slow terminal: others may cut in here
            terminal.append(p < parts.length - 1 ? " " : "\n");
        }
    }

    /** The line is composed in a private buffer first; the shared terminal sees a single write. */
    private static void inOneWrite(StringBuffer terminal, Object... parts) {
        StringBuilder line = new StringBuilder();
        for (Object part : parts) {
            line.append(line.isEmpty() ? "" : " ").append(part);
            Thread.yield();
        }
        terminal.append(line.append('\n'));
    }

    /** Nine tasks, one per row of the table, released together; returns what the terminal received. */
    private static String table(LineWriter writer) throws Exception {
        StringBuffer terminal = new StringBuffer();      // each append is atomic, a whole print() is not
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Void>> rows = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            int row = n;
            rows.add(() -> {
                go.await();
                for (int i = 1; i <= 9; i++) {
                    writer.write(terminal, row, "*", i, "=", row * i);
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(9)) {
            List<Future<Void>> running = rows.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<Void> r : running) {
                r.get();
            }
        }
        return terminal.toString();
    }

    private static void report(String label, String output) {
        List<String> torn = new ArrayList<>();
        for (String line : output.split("\n")) {
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
}
