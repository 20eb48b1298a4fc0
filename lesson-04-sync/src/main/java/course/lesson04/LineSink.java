package course.lesson04;

import java.io.PrintStream;

/**
 * Where a {@link SharedPrinter} writes: a terminal that receives a line piece by piece, like
 * Python's {@code print(n, '*', i, '=', n * i)}, which writes each argument, each separator and the
 * final newline separately. Pieces written by two threads at the same time can interleave.
 */
@FunctionalInterface
public interface LineSink {
    /** Writes one piece of a line (a part, a separator or {@code "\n"}). */
    void write(String fragment);

    /** A sink that writes to {@code out} piece by piece, flushing each piece. */
    static LineSink of(PrintStream out) {
        return fragment -> {
            out.print(fragment);
            out.flush();
        };
    }
}
