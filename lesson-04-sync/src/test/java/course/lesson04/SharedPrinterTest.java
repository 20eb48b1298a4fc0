package course.lesson04;

import course.grading.Delays;
import course.grading.Background;
import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

@DisplayName("Exercise 2 · A shared printer that never tears a line")
class SharedPrinterTest {
    /** The thread that calls MultiplicationTable.print in the table's test. */
    private static final String TABLE_CALLER = "table-caller";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Lets the rows of the table finish their last line in the order {@code print()} waits for them:
     * when the caller waits in a join for a row thread, that row alone goes on; when it waits for
     * something else (an executor, a latch, a sleep), every row goes on. Returns the rows still held
     * back when {@code print()} returned (none, if it joined every row).
     */
    private static List<String> letRowsGoAsJoined(Background<Void> table, Set<Thread> rows,
                                                  Map<Thread, CountDownLatch> lastLine, AtomicBoolean letAllGo) {
        Thread caller = table.thread();
        long end = System.nanoTime() + Background.HOLD.toNanos();
        while (!table.isDone() && System.nanoTime() - end < 0) {
            ThreadInfo info = THREADS.getThreadInfo(caller.threadId());
            LockInfo lock = info == null ? null : info.getLockInfo();
            Thread joined = lock == null ? null : rows.stream()
                    .filter(row -> System.identityHashCode(row) == lock.getIdentityHashCode()).findFirst().orElse(null);
            if (joined != null) {
                CountDownLatch gate = lastLine.get(joined);
                if (gate != null) {
                    gate.countDown();           // it waits for this row: this row, and only it, may finish
                }                               // (else the row has not reached its last line yet)
            } else if ((lock == null || !isThread(lock.getClassName(), caller)) && !letAllGo.get()
                    && (Background.isWaiting(caller) || Background.isSleeping(caller))) {
                letAllGo.set(true);             // it waits for something else than a row thread: let them all go
                lastLine.values().forEach(CountDownLatch::countDown);
            }
            LockSupport.parkNanos(1_000_000);
        }
        if (!table.isDone()) {
            return List.of();                   // still running: the timeout and the other checks speak
        }
        return lastLine.entrySet().stream().filter(e -> e.getValue().getCount() > 0)
                .map(e -> e.getKey().getName()).sorted().toList();
    }

    /** Whether the class named {@code type} (the object a waiting thread waits on) is a thread. */
    private static boolean isThread(String type, Thread caller) {
        try {
            return Thread.class.isAssignableFrom(Class.forName(type, false, SharedPrinterTest.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @RegisterExtension
    final Background.Group workers = new Background.Group();

    @Test
    @Points(3)
    @DisplayName("a second thread waits until the first has finished its line")
    void linesAreNeverTorn() throws Exception {
        RecordingSink sink = new RecordingSink();
        SharedPrinter printer = new SharedPrinter(sink);
        CountDownLatch firstMidLine = new CountDownLatch(1);
        Thread[] second = new Thread[1];
        Background<?>[] writers = new Background<?>[2];
        boolean[] firstHeldALock = {false};
        // Pause printer-1 right after its first piece until printer-2 has either written a piece
        // (the line is torn) or is blocked on a lock printer-1 holds, or parked inside the printer
        // (a semaphore used as a lock): the line is protected.
        sink.beforeWrite(fragment -> {
            Thread me = Thread.currentThread();
            if (me.getName().equals("printer-1") && firstMidLine.getCount() == 1 && sink.hasWritten(me)) {
                firstHeldALock[0] = Background.holdsAnyLock(me);
                firstMidLine.countDown();
                Background.until(() -> second[0] != null && (sink.hasWritten(second[0])
                        || !second[0].isAlive() || Background.waitsForLockHeldBy(second[0], me)
                        || Background.isWaiting(second[0]) && Background.isIn(second[0], SharedPrinter.class)));
            }
        });

        // The second part's text is asked for in the middle of printer-1's line. If printer-1 held a
        // lock while it wrote but holds none at that moment (a lock around each write, not around the
        // line), printer-2 is let in.
        boolean[] letGoMidLine = {false};
        Object star = new Object() {
            @Override
            public String toString() {
                Thread me = Thread.currentThread();
                if (me.getName().equals("printer-1") && firstHeldALock[0] && sink.hasWritten(me)
                        && !Background.holdsAnyLock(me)) {
                    letGoMidLine[0] = true;
                    Background.until(() -> second[0] != null && (sink.hasWritten(second[0]) || !second[0].isAlive()));
                }
                return "*";
            }
        };
        writers[0] = workers.start("printer-1", () -> {
            printer.printLine(3, star, 4, "=", 12);
            return null;
        });
        Background.until(() -> firstMidLine.getCount() == 0 || writers[0].isDone());
        if (firstMidLine.getCount() > 0) {
            writers[0].result();
            fail("printLine(3, \"*\", 4, \"=\", 12) wrote the whole line in one piece %s: write each part, "
                    + "each space and the newline with its own sink.write call (the sink is a terminal that "
                    + "takes pieces) and protect the line with a lock", sink.pieces().stream().map(RecordingSink.Piece::text).toList());
        }
        writers[1] = workers.start("printer-2", () -> {
            second[0] = Thread.currentThread();
            printer.printLine(1, "*", 2, "=", 2);
            return null;
        });
        writers[0].result();
        writers[1].result();

        String tear = sink.firstTear();
        if (tear != null) {
            fail("a line was torn: %s. %s", tear, letGoMidLine[0] && firstHeldALock[0]
                    ? "printer-1 let go of every lock in the middle of its line (between two pieces), and printer-2 "
                            + "wrote in the gap: a lock around each write keeps each piece whole, not the line. Take "
                            + "the lock once before the first piece and release it after the newline."
                    : firstHeldALock[0]
                    ? "printer-1 held a lock while it wrote, but printer-2 did not wait for it: the two calls used "
                            + "different locks. A lock created per call (or synchronized on a new object) protects "
                            + "nothing; every call must take the same lock, a field of the printer, and hold it from "
                            + "the first piece to the newline."
                    : "printer-1 held no lock in the middle of its line. Hold one lock from the first piece to the "
                            + "newline, so a second thread waits for the whole line.");
        }
        assertThat(sink.lines()).extracting(RecordingSink.Line::text)
                .as("the two lines printed")
                .containsExactly("3 * 4 = 12", "1 * 2 = 2");
        assertThat(sink.pieces().size())
                .withFailMessage("the two lines reached the sink in %d write calls, expected 20: write each part, "
                        + "each space and the newline with its own sink.write call (build no string; the lock is "
                        + "what keeps the line whole)", sink.pieces().size())
                .isEqualTo(20);
    }

    @Test
    @Points(2)
    @DisplayName("a sink that throws leaves the printer usable for the next thread")
    void lockIsReleasedWhenTheSinkThrows() throws Exception {
        IllegalStateException closed = new IllegalStateException("terminal closed");
        RecordingSink sink = new RecordingSink();
        sink.beforeWrite(fragment -> {
            if (Thread.currentThread().getName().equals("printer-1")) {
                throw closed;
            }
        });
        SharedPrinter printer = new SharedPrinter(sink);

        Background<Object> first = workers.start("printer-1", () -> {
            printer.printLine("this", "line", "fails");
            return null;
        });
        Throwable thrown = catchThrowable(first::result);
        if (thrown instanceof UnsupportedOperationException notYet) {
            throw notYet;
        }
        assertThat(thrown)
                .withFailMessage("printLine must let the sink's exception reach the caller; got %s", thrown)
                .isSameAs(closed);

        Background<Object> second = workers.start("printer-2", () -> {
            printer.printLine("next", "line");
            return null;
        });
        Background.until(() -> second.isDone() || (Background.isWaiting(second.thread()) && Background.isIn(second.thread(), SharedPrinter.class)));
        if (!second.isDone()) {
            fail("printer-2 waits for ever in printLine (%s): printer-1's printLine threw and never released "
                    + "the lock. Call unlock() in a finally block.", Background.where(second.thread()));
        }
        second.result();
        assertThat(sink.lines()).extracting(RecordingSink.Line::text).containsExactly("next line");
    }

    @Test
    @Points(3)
    @DisplayName("the multiplication table: 81 whole lines, one thread per row, every row in order")
    void multiplicationTable() throws Exception {
        RecordingSink sink = new RecordingSink();
        // Each row's first line waits until all nine rows have reached theirs: rows that run at the
        // same time meet there at once; rows run one after another never do.
        CyclicBarrier allRowsRunning = new CyclicBarrier(9);
        AtomicInteger rowsTogether = new AtomicInteger(9);
        Set<Thread> arrived = ConcurrentHashMap.newKeySet();
        // Each row's last line is held back until the test lets that row go: the test lets go only the
        // row print() is seen to join, one after the other, so a print() that joins some of its rows
        // (the first, the last) is seen returning while the others still hold their last line.
        Map<Thread, CountDownLatch> lastLine = new ConcurrentHashMap<>();
        AtomicBoolean letAllGo = new AtomicBoolean();
        // Rows that have written their last line: a print() that returns before all nine are here did
        // not wait for them, whether the rest were held at their last line or had not got there yet.
        Set<Thread> finishedRows = ConcurrentHashMap.newKeySet();
        // A known-good printer, so this test is about MultiplicationTable alone.
        SharedPrinter printer = new SharedPrinter(sink) {
            @Override
            public void printLine(Object... parts) {
                if (arrived.add(Thread.currentThread()) && !allRowsRunning.isBroken()) {
                    try {
                        allRowsRunning.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | BrokenBarrierException e) {
                        rowsTogether.compareAndSet(9, arrived.size());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (parts.length > 2 && "9".equals(String.valueOf(parts[2]))
                        && !Thread.currentThread().getName().equals(TABLE_CALLER)) {
                    CountDownLatch gate = lastLine.computeIfAbsent(Thread.currentThread(), t -> new CountDownLatch(1));
                    if (letAllGo.get()) {
                        gate.countDown();
                    }
                    try {
                        gate.await(Background.HOLD.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                synchronized (this) {
                    sink().write(Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining(" ")));
                    sink().write("\n");
                }
                if (parts.length > 2 && "9".equals(String.valueOf(parts[2]))
                        && !Thread.currentThread().getName().equals(TABLE_CALLER)) {
                    finishedRows.add(Thread.currentThread());
                }
            }
        };

        Background<Void> table = workers.run(TABLE_CALLER, () -> MultiplicationTable.print(printer));
        List<String> heldWhenReturned;
        int finishedWhenReturned;
        try {
            heldWhenReturned = letRowsGoAsJoined(table, arrived, lastLine, letAllGo);
            // No row held back yet can have finished since print() returned: only the test lets them go.
            finishedWhenReturned = table.isDone() ? finishedRows.size() : 9;
        } finally {
            letAllGo.set(true);
            lastLine.values().forEach(CountDownLatch::countDown);
        }
        table.join(Delays.CEILING);
        table.rethrowNotImplemented();
        table.finish("print()");
        assertThat(heldWhenReturned)
                .withFailMessage("print() returned while the rows %s were still printing (the test held back their "
                        + "last line, and let go only the row print() was waiting for): join() every row thread "
                        + "before returning, not just the first or the last one", heldWhenReturned)
                .isEmpty();

        List<RecordingSink.Line> lines = sink.lines();
        if (lines.isEmpty() && !Background.until(() -> !arrived.isEmpty())) {
            fail("print() returned without printing a line: start() one thread per row");
        }
        assertThat(sink.writers())
                .withFailMessage("rows were printed on the calling thread '%s': start() one thread per row and let "
                        + "it print the row; do not call run(), and do not hand the rows to a parallel stream (it "
                        + "runs some of them on the caller, and only as many at once as the common pool has threads)",
                        table.thread().getName())
                .doesNotContain(table.thread());
        assertThat(rowsTogether.get())
                .withFailMessage("only %d of 9 rows were printing at the same time: did you join() each row thread "
                        + "right after starting it? Start all nine threads first, then join them.", rowsTogether.get())
                .isEqualTo(9);
        assertThat(finishedWhenReturned)
                .withFailMessage("print() returned when only %d of the 9 rows had printed their last line (the test"
                        + " holds each row's last line until print() waits for that row): join() every row thread"
                        + " before returning", finishedWhenReturned)
                .isEqualTo(9);
        assertThat(lines.size())
                .withFailMessage("print() returned after %d of 81 lines: join() every row thread before returning",
                        lines.size())
                .isEqualTo(81);
        Map<Thread, List<String>> byThread = lines.stream().collect(Collectors.groupingBy(
                RecordingSink.Line::thread, LinkedHashMap::new,
                Collectors.mapping(RecordingSink.Line::text, Collectors.toList())));
        assertThat(byThread.size())
                .withFailMessage("the 9 rows were printed by %d threads; start one thread per row", byThread.size())
                .isEqualTo(9);
        List<List<String>> rows = new ArrayList<>(byThread.values());
        rows.sort(Comparator.comparing(row -> row.getFirst()));
        for (int n = 1; n <= 9; n++) {
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 9; i++) {
                expected.add(n + " * " + i + " = " + n * i);
            }
            assertThat(rows.get(n - 1)).as("the lines of row %d, printed by one thread in order", n)
                    .containsExactlyElementsOf(expected);
        }
    }
}
