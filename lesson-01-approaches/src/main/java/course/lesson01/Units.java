package course.lesson01;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Exercise 3 · Units of execution side by side.
 *
 * <p>Run the same small piece of code, {@link UnitReport#ofCurrentThread(String)}, in three
 * different units of execution and bring back what it reports:
 *
 * <ul>
 *   <li>{@link #platformThread}: a new platform thread (an operating-system thread), with the
 *       given name, not a daemon. Start it, wait for it, return its report.</li>
 *   <li>{@link #virtualThread}: a new virtual thread (a thread the JVM schedules onto a few
 *       platform threads; Java's answer to coroutines), with the given name.</li>
 *   <li>{@link #childProcess}: a new operating-system process, another JVM running
 *       {@link WhoAmI}, which prints its report as one line. Start it with
 *       {@code new ProcessBuilder(ChildJvm.command(WhoAmI.class))}, read the line, wait for the
 *       child to exit (at most 10 s) and make sure it is gone afterwards, whatever happened.</li>
 * </ul>
 *
 * <p>The tests compare the reports: which pid, which thread, virtual or not, daemon or not.
 */
public final class Units {
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
        throw new UnsupportedOperationException(
                "not implemented yet: Units.platformThread — start() a new platform thread named `name`, join() it, return its report");
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
        throw new UnsupportedOperationException(
                "not implemented yet: Units.virtualThread — start a virtual thread (Thread.ofVirtual()) named `name`, join it, return its report");
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
        throw new UnsupportedOperationException(
                "not implemented yet: Units.childProcess — start `java WhoAmI` with ProcessBuilder(ChildJvm.command(WhoAmI.class)), parse its line, destroy it in finally");
    }
}
