package course.lesson03;

import java.util.ArrayList;
import java.util.List;

/**
 * The child program of exercise 2: appends to a list that looks shared, and reports.
 *
 * <pre>
 *   java … course.lesson03.ListAppender TIMES     appends 1 to NUMBERS, TIMES times, then prints
 *                                                  pid=&lt;pid&gt; parent=&lt;parent pid&gt; size=&lt;NUMBERS.size()&gt;
 * </pre>
 *
 * <p>{@link #NUMBERS} is a {@code static} field: one list per JVM. Threads of the same JVM all see
 * the same list; another process, even one running this very class, has its own. The pid and the
 * parent pid are asked of {@link Isolation#currentPid()} and {@link Isolation#parentPid()}, so the
 * same code of yours runs in two processes and gives two different answers.
 *
 * <p>After printing, it lingers for {@link #LINGER} before it exits, so a parent that does not
 * wait for it finds it still running. Exit code 0 on success; 2 with a message on standard error when the argument is wrong.
 *
 * <p><b>How the tests hold it.</b> When a folder named by {@link #holdDir(long)} exists for the
 * child's parent process, the child, after printing its report, closes its standard output and
 * error, leaves a file {@code <pid>.held} in the folder and stays alive until a file named
 * {@code release} appears there (at most {@link #HOLD_LIMIT}). That is how a test sees whether
 * its parent waits for it. Without that folder (your own runs, the demos) it only lingers.
 *
 * <p>Support code: you use it, you do not edit it.
 */
public final class ListAppender {
    /** How long the child stays alive after printing its report. */
    public static final java.time.Duration LINGER = java.time.Duration.ofMillis(300);

    /** The longest a held child waits for its release. */
    public static final java.time.Duration HOLD_LIMIT = java.time.Duration.ofSeconds(60);

    /** The list every caller in this JVM appends to. Never touched by another process. */
    public static final List<Integer> NUMBERS = new ArrayList<>();

    private ListAppender() {
    }

    public static void main(String[] args) {
        int times;
        try {
            times = Integer.parseInt(args[0]);
            if (times < 0) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            System.err.println("usage: ListAppender TIMES (a whole number >= 0)");
            System.exit(2);
            return;
        }
        for (int i = 0; i < times; i++) {
            NUMBERS.add(1);
        }
        System.out.println("pid=" + Isolation.currentPid() + " parent=" + Isolation.parentPid()
                + " size=" + NUMBERS.size());
        System.out.flush();
        try {
            java.nio.file.Path hold = ProcessHandle.current().parent()
                    .map(p -> holdDir(p.pid())).orElse(null);
            if (hold != null && java.nio.file.Files.isDirectory(hold)) {
                System.out.close();
                System.err.close();
                java.nio.file.Files.writeString(hold.resolve(ProcessHandle.current().pid() + ".held"), "");
                long end = System.nanoTime() + HOLD_LIMIT.toNanos();
                while (!java.nio.file.Files.exists(hold.resolve("release")) && System.nanoTime() < end) {
                    Thread.sleep(5);
                }
            } else {
                // Lingers after its report, as real programs do while they shut down: a parent that
                // returns without waitFor() leaves it running.
                Thread.sleep(LINGER.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            System.exit(4);
        }
    }

    /**
     * The folder through which a test holds the children of process {@code parentPid}:
     * {@code java.io.tmpdir/lesson03-hold-<parentPid>}.
     */
    public static java.nio.file.Path holdDir(long parentPid) {
        return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "lesson03-hold-" + parentPid);
    }
}
