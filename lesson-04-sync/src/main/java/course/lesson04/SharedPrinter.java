package course.lesson04;

/**
 * Exercise 2 · A printer shared by many threads that never tears a line.
 *
 * <p>{@link #printLine(Object...)} prints its parts separated by single spaces and ends the line,
 * like Python's {@code print}: {@code printLine(3, "*", 4, "=", 12)} writes the pieces
 * {@code "3"}, {@code " "}, {@code "*"}, {@code " "}, {@code "4"}, {@code " "}, {@code "="},
 * {@code " "}, {@code "12"}, {@code "\n"} to the {@link LineSink}, one {@code write} call per piece
 * (keep it that way: the tests count the pieces). When two threads print at once their pieces can
 * interleave: {@code "3 * 4 1 * 2 = = 12\n2\n"}. Make each line exclusive, so a second thread waits
 * until the first has written its newline.
 *
 * <p>The sink may throw (a closed terminal, a full disk). The exception must reach the caller, and
 * the printer must still work for everyone else afterwards.
 */
public class SharedPrinter {
    private final LineSink sink;

    /** A printer that writes to {@code sink}. */
    public SharedPrinter(LineSink sink) {
        this.sink = sink;
    }

    /** Prints {@code parts} separated by spaces, then {@code "\n"}, as one line no other thread can cut into. */
    public void printLine(Object... parts) {
        throw new UnsupportedOperationException(
                "not implemented yet: SharedPrinter.printLine: write each part, a space between parts and \"\\n\" to the sink, holding a lock for the whole line");
    }

    /** The sink this printer writes to. */
    public LineSink sink() {
        return sink;
    }
}
