package course.lesson01;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@link UnitReport#ofCurrentThread(String)} in three units of execution, a platform
 * thread, a virtual thread and a child process, and brings each report back to the caller.
 *
 * <p>The two threads share the caller's process (same pid); the platform thread is an
 * operating-system thread, the virtual thread is scheduled by the JVM onto a few carrier threads
 * and is always a daemon. The child process is a separate JVM with its own pid and memory; the
 * only way to get its report is through a pipe, its standard output.
 *
 * <p>Sample usage:
 * <pre>{@code
 * UnitReport p = Units.platformThread("worker");   // thread=worker virtual=false daemon=false
 * UnitReport v = Units.virtualThread("fiber");     // thread=fiber  virtual=true  daemon=true
 * UnitReport c = Units.childProcess();             // pid != ProcessHandle.current().pid()
 * }</pre>
 *
 * <p>Memory consistency effects: everything a started thread does <i>happens-before</i>
 * {@link Thread#join()} returns in the caller, which is why the report written into a shared
 * reference by the thread is visible to the caller afterwards. Nothing is shared with the child
 * process: its report arrives as bytes through a pipe.
 */
public final class Units {
    private static final long CHILD_TIMEOUT_SECONDS = 10;

    private Units() {
    }

    /**
     * Starts a platform thread named {@code name} that makes a report with unit
     * {@code "platform thread"}, waits for it to end and returns the report.
     *
     * @param name the new thread's name
     * @return the report made on the new thread
     * @throws InterruptedException if interrupted while waiting for the thread
     */
    public static UnitReport platformThread(String name) throws InterruptedException {
        AtomicReference<UnitReport> report = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name(name).daemon(false)
                .start(() -> report.set(UnitReport.ofCurrentThread("platform thread")));
        thread.join();
        return report.get();
    }

    /**
     * Starts a virtual thread named {@code name} that makes a report with unit
     * {@code "virtual thread"}, waits for it to end and returns the report.
     *
     * @param name the new thread's name
     * @return the report made on the new thread
     * @throws InterruptedException if interrupted while waiting for the thread
     */
    public static UnitReport virtualThread(String name) throws InterruptedException {
        AtomicReference<UnitReport> report = new AtomicReference<>();
        Thread thread = Thread.ofVirtual().name(name)
                .start(() -> report.set(UnitReport.ofCurrentThread("virtual thread")));
        thread.join();
        return report.get();
    }

    /**
     * Starts a child JVM running {@link WhoAmI}, reads the report it prints, waits for it to
     * exit and returns the report. The child process never outlives this call.
     *
     * @return the report the child printed
     * @throws IOException          if the child cannot be started, or exits with a non-zero status
     *                              or without printing a report
     * @throws TimeoutException     if the child does not exit within 10 seconds
     * @throws InterruptedException if interrupted while waiting for the child
     */
    public static UnitReport childProcess() throws IOException, TimeoutException, InterruptedException {
        Process child = new ProcessBuilder(ChildJvm.command(WhoAmI.class))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String line;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                line = out.readLine();   // read before waitFor(): the child may block on a full pipe
            }
            if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new TimeoutException("child " + child.pid() + " did not exit within " + CHILD_TIMEOUT_SECONDS + " s");
            }
            if (child.exitValue() != 0) {
                throw new IOException("child " + child.pid() + " exited with status " + child.exitValue());
            }
            if (line == null) {
                throw new IOException("child " + child.pid() + " printed no report");
            }
            return UnitReport.parse(line);
        } finally {
            child.destroyForcibly();   // a no-op if it has already exited
        }
    }
}
