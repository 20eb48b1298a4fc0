package course.lesson04;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A {@link LineSink} that records every piece with the thread that wrote it and finds torn lines:
 * a line into which another thread wrote before its newline. Test support.
 */
class RecordingSink implements LineSink {
    /** One {@code write} call. */
    record Piece(Thread thread, String text) {
    }

    /** A finished line and the thread that wrote its newline. */
    record Line(Thread thread, String text) {
    }

    private final List<Piece> pieces = new ArrayList<>();
    private volatile Consumer<String> beforeWrite = fragment -> { };

    /** Runs {@code action} in the writing thread before each piece is recorded. */
    void beforeWrite(Consumer<String> action) {
        this.beforeWrite = action;
    }

    @Override
    public void write(String fragment) {
        beforeWrite.accept(fragment);
        synchronized (pieces) {
            pieces.add(new Piece(Thread.currentThread(), fragment));
        }
    }

    /** Every piece so far, in the order written. */
    List<Piece> pieces() {
        synchronized (pieces) {
            return List.copyOf(pieces);
        }
    }

    /** Whether {@code thread} has written any piece. */
    boolean hasWritten(Thread thread) {
        return pieces().stream().anyMatch(p -> p.thread() == thread);
    }

    /** The finished lines, without their newlines; pieces of unfinished lines are left out. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        Map<Thread, StringBuilder> open = new LinkedHashMap<>();
        for (Piece piece : pieces()) {
            StringBuilder line = open.computeIfAbsent(piece.thread(), t -> new StringBuilder());
            if (piece.text().equals("\n")) {
                lines.add(new Line(piece.thread(), line.toString()));
                open.remove(piece.thread());
            } else {
                line.append(piece.text());
            }
        }
        return lines;
    }

    /** A description of the first torn line (another thread's piece inside an unfinished line), if any. */
    String firstTear() {
        Thread writing = null;
        StringBuilder seen = new StringBuilder();
        for (Piece piece : pieces()) {
            if (writing != null && piece.thread() != writing) {
                return "'" + piece.thread().getName() + "' wrote \"" + piece.text().replace("\n", "\\n")
                        + "\" into the middle of a line '" + writing.getName() + "' had begun: \""
                        + seen + "…\"";
            }
            if (piece.text().equals("\n")) {
                writing = null;
                seen.setLength(0);
            } else {
                writing = piece.thread();
                seen.append(piece.text());
            }
        }
        return null;
    }

    /** The threads that wrote lines. */
    Set<Thread> writers() {
        return lines().stream().map(Line::thread).collect(Collectors.toSet());
    }
}
