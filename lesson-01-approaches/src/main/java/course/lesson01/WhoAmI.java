package course.lesson01;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny program for exercise 3 and the demos: prints one {@link UnitReport} line about itself
 * (unit {@code "process"}) on standard output and exits with status 0.
 *
 * <p>Start it as a <em>separate</em> JVM to see a child process: {@link ChildJvm#command(Class)}
 * builds the command line.
 *
 * <p><b>How the tests make it fail.</b> While a file named by {@link #failMarker(long)} exists for
 * the child's parent process, the child prints its report as usual and then fails with an
 * exception, so that the JVM exits with status 1, as a program that failed after writing some
 * output would. That is how a test sees whether its parent looks at the exit status. Without
 * that file (your own runs, the demos) it exits with 0.
 *
 * <p><b>How the tests hold it.</b> When a folder named by {@link #holdDir(long)} exists for the
 * child's parent process, the child, after printing its report, closes its standard output and
 * error and stays alive until a file named {@code release} appears there (at most
 * {@link #HOLD_LIMIT}). That is how a test sees whether its parent waits for it to exit.
 *
 * <p>Support code: you use it, you do not edit it.
 */
public final class WhoAmI {
    private WhoAmI() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(UnitReport.ofCurrentThread("process").format());
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        Path hold = parent > 0 ? holdDir(parent) : null;
        if (hold != null && Files.isDirectory(hold)) {
            System.out.flush();
            System.out.close();
            System.err.close();
            long end = System.nanoTime() + HOLD_LIMIT.toNanos();
            while (!Files.exists(hold.resolve("release")) && System.nanoTime() < end) {
                Thread.sleep(5);
            }
        }
        if (parent > 0 && Files.exists(failMarker(parent))) {
            System.out.flush();
            // an exception that leaves main ends the JVM with status 1
            throw new IllegalStateException("failing on purpose: " + failMarker(parent) + " exists");
        }
    }

    /** The longest a held child waits for its release. */
    public static final java.time.Duration HOLD_LIMIT = java.time.Duration.ofSeconds(60);

    /** Test support: the folder through which a test holds the WhoAmI children of process {@code parentPid}. */
    public static Path holdDir(long parentPid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "lesson01-whoami-hold-" + parentPid);
    }

    /** Test support: the file that makes a WhoAmI started by process {@code parentPid} exit with status 1. */
    public static Path failMarker(long parentPid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "lesson01-whoami-fails-" + parentPid);
    }
}
