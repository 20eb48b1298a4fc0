package course.lesson04;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A printer shared by many threads: each line it prints reaches the {@link LineSink} whole, never
 * cut by another thread's pieces.
 *
 * <p>{@link #printLine(Object...)} writes its parts, a space between parts and a final
 * {@code "\n"}, one {@code write} per piece, while holding the printer's lock. A second thread
 * that calls it meanwhile blocks until the first has written its newline. The lock is released in
 * a {@code finally} block, so a sink that throws does not leave the printer locked for ever.
 *
 * <p><b>Sample usage:</b>
 * <pre>{@code
 * SharedPrinter printer = new SharedPrinter(LineSink.of(System.out));
 * Thread a = Thread.ofPlatform().start(() -> printer.printLine(2, "*", 3, "=", 6));
 * Thread b = Thread.ofPlatform().start(() -> printer.printLine(4, "*", 5, "=", 20));
 * a.join();
 * b.join(); // prints "2 * 3 = 6" and "4 * 5 = 20", in either order, each on its own line
 * }</pre>
 *
 * <p>Memory consistency effects: everything a thread did before a {@code printLine} call
 * happens-before the actions of any {@code printLine} call that starts after it returns.
 */
public class SharedPrinter {
    private final LineSink sink;
    private final ReentrantLock lock = new ReentrantLock();

    /** A printer that writes to {@code sink}. */
    public SharedPrinter(LineSink sink) {
        this.sink = sink;
    }

    /**
     * Prints {@code parts} separated by spaces, then {@code "\n"}, as one line no other thread can
     * cut into. If the sink throws, the exception reaches the caller and the printer stays usable.
     */
    public void printLine(Object... parts) {
        lock.lock();
        try {
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    sink.write(" ");
                }
                sink.write(String.valueOf(parts[i]));
            }
            sink.write("\n");
        } finally {
            lock.unlock();
        }
    }

    /** The sink this printer writes to. */
    public LineSink sink() {
        return sink;
    }
}
