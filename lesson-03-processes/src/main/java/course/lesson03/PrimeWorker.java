package course.lesson03;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The child program of exercise 1: counts the primes in one range and prints the count.
 *
 * <pre>
 *   java … course.lesson03.PrimeWorker FROM TO      prints one line: the number of primes in [FROM, TO)
 * </pre>
 *
 * <p>Exit code 0 on success; 2 with a message on standard error when the arguments are wrong.
 *
 * <p><b>How the tests watch the workers.</b> When a folder named by {@link #traceDir(long)} exists
 * for the worker's parent process, the worker also (1) meets its siblings: it
 * checks in and waits until as many workers as the folder's {@code expected} file says have
 * checked in and are alive (giving up after {@link #SIBLING_WAIT} if they were never started),
 * which is how a test proves the workers ran at the same time, and
 * (2) writes what it did into the folder. When the folder also holds a file {@code misbehave}, the
 * worker of the first slice prints its count and exits with code 3, and the others hang until
 * they are destroyed: how a test checks exit codes and clean-up. Without that folder (your own runs, the demos) it just
 * counts.
 *
 * <p>Support code: you use it, you do not edit it.
 */
public final class PrimeWorker {
    /** How long a traced worker waits for its siblings before it gives up and works alone. */
    public static final Duration SIBLING_WAIT = Duration.ofSeconds(1);

    /** How long a traced worker waits for siblings that exist but are still starting up. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private PrimeWorker() {
    }

    public static void main(String[] args) throws Exception {
        long from;
        long to;
        try {
            from = Long.parseLong(args[0]);
            to = Long.parseLong(args[1]);
        } catch (RuntimeException e) {
            System.err.println("usage: PrimeWorker FROM TO (two whole numbers), got " + String.join(" ", args));
            System.exit(2);
            return;
        }
        ProcessHandle me = ProcessHandle.current();
        ProcessHandle parent = me.parent().orElse(null);
        Path dir = parent == null ? null : traceDir(parent.pid());
        boolean traced = dir != null && Files.isDirectory(dir);

        if (traced && Files.exists(dir.resolve("misbehave"))) {
            misbehave(from, to);
            return;
        }
        long siblings = traced ? awaitSiblings(parent, dir) : 0;
        long count = Primes.countInRange(from, to);
        if (traced) {
            String line = "pid=" + me.pid() + " parent=" + parent.pid() + " from=" + from + " to=" + to
                    + " count=" + count + " siblings=" + siblings + "\n";
            Path tmp = dir.resolve(me.pid() + ".tmp");
            Files.writeString(tmp, line);
            Files.move(tmp, dir.resolve(me.pid() + ".worker"), StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println(count);
    }

    /**
     * A test's broken worker pool: the worker of the slice that starts at 0 prints its count and
     * then exits with code 3, as a program does that fails after writing part of its output; every
     * other worker prints nothing and stays alive (at most a minute) until somebody destroys it.
     */
    private static void misbehave(long from, long to) throws InterruptedException {
        if (from == 0) {
            System.out.println(Primes.countInRange(from, to));
            System.out.flush();
            System.exit(3);
        }
        Thread.sleep(60_000);
    }

    /**
     * The folder in which workers whose parent has pid {@code parentPid} leave their traces:
     * {@code java.io.tmpdir/lesson03-primes-<parentPid>}.
     */
    public static Path traceDir(long parentPid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "lesson03-primes-" + parentPid);
    }

    /**
     * A rendezvous through the trace folder: checks in ({@code <pid>.ready}), then waits until as
     * many checked-in workers are alive as expected. Returns the most checked-in workers it saw
     * alive at once. Gives up after {@link #SIBLING_WAIT} when its parent does not even have that
     * many live children (the others were never started), or after {@link #PATIENCE} when they
     * exist but are slow to start.
     */
    private static long awaitSiblings(ProcessHandle parent, Path dir) throws IOException, InterruptedException {
        Path expectedFile = dir.resolve("expected");
        long expected = Files.exists(expectedFile) ? Long.parseLong(Files.readString(expectedFile).trim()) : 1;
        long me = ProcessHandle.current().pid();
        Files.writeString(dir.resolve(me + ".ready"), "");
        long start = System.nanoTime();
        long most = 0;
        while (true) {
            long alive;
            try (var files = Files.list(dir)) {
                alive = files.map(f -> f.getFileName().toString())
                        .filter(name -> name.endsWith(".ready"))
                        .map(name -> Long.parseLong(name.substring(0, name.length() - ".ready".length())))
                        .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .count();
            }
            most = Math.max(most, alive);
            long waited = System.nanoTime() - start;
            if (most >= expected || waited > PATIENCE.toNanos()) {
                return most;
            }
            if (waited > SIBLING_WAIT.toNanos() && parent.children().filter(ProcessHandle::isAlive).count() < expected) {
                return most;
            }
            Thread.sleep(5);
        }
    }
}
