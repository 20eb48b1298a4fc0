package course.lesson04;

/**
 * Exercise 2 · The lecture's multiplication table, printed by nine threads at once.
 *
 * <p>{@link #print(SharedPrinter)} starts one thread per row {@code n = 1..9}; the thread for
 * {@code n} prints the nine lines {@code n * i = n·i} for {@code i = 1..9}, in that order, each with
 * {@code printer.printLine(n, "*", i, "=", n * i)}. The method returns once all 81 lines are printed.
 * The rows interleave with each other (that is the point of threads); the lines never do, because
 * the {@link SharedPrinter} keeps each one whole.
 */
public final class MultiplicationTable {
    private MultiplicationTable() {
    }

    /** Prints the table 1..9 × 1..9 with one thread per row and waits until every row is done. */
    public static void print(SharedPrinter printer) throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: MultiplicationTable.print: start 9 threads (one per row n), each printing n * i = n*i for i = 1..9, then join them all");
    }
}
