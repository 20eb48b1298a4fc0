package course.lesson04;

import java.util.ArrayList;
import java.util.List;

/**
 * The multiplication table 1..9 × 1..9 printed by nine threads at once, one per row.
 *
 * <p><b>Sample usage:</b>
 * <pre>{@code
 * MultiplicationTable.print(new SharedPrinter(LineSink.of(System.out)));
 * // 81 whole lines such as "7 * 3 = 21"; the rows interleave, each row is in order
 * }</pre>
 *
 * <p>Memory consistency effects: everything the row threads did happens-before {@code print}
 * returns (it joins every thread it started).
 */
public final class MultiplicationTable {
    private MultiplicationTable() {
    }

    /** Prints the table 1..9 × 1..9 with one thread per row and waits until every row is done. */
    public static void print(SharedPrinter printer) throws InterruptedException {
        List<Thread> rows = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            int row = n;
            rows.add(Thread.ofPlatform().name("row-" + row).start(() -> {
                for (int i = 1; i <= 9; i++) {
                    printer.printLine(row, "*", i, "=", row * i);
                }
            }));
        }
        for (Thread row : rows) {
            row.join();
        }
    }
}
