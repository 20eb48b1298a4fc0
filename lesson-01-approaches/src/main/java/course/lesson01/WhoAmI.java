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
 */
public final class WhoAmI {
    private WhoAmI() {
    }

    public static void main(String[] args) {
        System.out.println(UnitReport.ofCurrentThread("process").format());
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        if (parent > 0 && Files.exists(failMarker(parent))) {
            System.out.flush();
            // an exception that leaves main ends the JVM with status 1
            throw new IllegalStateException("failing on purpose: " + failMarker(parent) + " exists");
        }
    }

    /** Test support: the file that makes a WhoAmI started by process {@code parentPid} exit with status 1. */
    public static Path failMarker(long parentPid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "lesson01-whoami-fails-" + parentPid);
    }
}
