package course.lesson01;

import course.grading.Background;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Delays;
import course.grading.Points;
import course.grading.ThreadStarts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Exercise 3 · Units of execution: platform thread, virtual thread, child process")
class UnitsTest {

    private static final long OUR_PID = ProcessHandle.current().pid();

    private static final String CALLER = "units-caller";

    /** The thread that made the last report held by {@link #reportWhileHeld}. */
    private static volatile Thread reporter;

    /**
     * Calls {@code method} on a thread named {@value #CALLER} while the report made on the new
     * thread is held back (inside {@link UnitReport#ofCurrentThread}) until the caller is seen
     * waiting. A caller that does not wait (no join, or a sleep) returns while the report is held.
     */
    private static UnitReport reportWhileHeld(String method, Callable<UnitReport> work) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        UnitReport.beforeReport = () -> {
            if (!Thread.currentThread().getName().equals(CALLER)) {   // on the new thread: hold the report
                reporter = Thread.currentThread();
                held.countDown();
                try {
                    release.await(Background.HOLD.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Background<UnitReport> call = Background.start(CALLER, work);
        try {
            Background.Seen seen = call.watch(() -> held.getCount() == 0);
            if (seen == Background.Seen.RETURNED && call.thrown() == null && call.value() == null) {
                // Returned without a report: the thread that makes it may not have got that far yet.
                held.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
            }
            boolean wasHeld = held.getCount() == 0;
            release.countDown();
            call.join(Delays.CEILING);
            call.rethrowNotImplemented();
            if (wasHeld) {     // (code run on the caller's own thread is never held: the asserts name that)
                switch (seen) {
                    case RETURNED -> fail("%s returned while the new thread was still making its report: did you "
                            + "forget to join() the thread, or wait with Thread.sleep()? Sleeping is not waiting: "
                            + "join() waits until the thread has ended, and makes what it wrote visible", method);
                    case SLEEPING -> fail("%s was still asleep in Thread.sleep() %d s later while the new thread "
                            + "was making its report: sleeping is not waiting, join() the thread", method,
                            Delays.CEILING.toSeconds());
                    case NEITHER -> fail("%s neither returned nor waited for the new thread within %d s: it spins "
                            + "or polls instead of waiting with join()", method, Delays.CEILING.toSeconds());
                    case WAITING -> { }
                }
            }
            return call.finish(method);
        } finally {
            release.countDown();
            call.stop();
            UnitReport.beforeReport = () -> { };
        }
    }

    /** How long a child JVM may take to start and print its line, or to end once released: a ceiling for broken code. */
    private static final java.time.Duration CHILD_START = java.time.Duration.ofSeconds(20);

    private static List<Long> childrenAlive() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }

    @AfterEach
    void noChildLeftBehind() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    @Points(3)
    @DisplayName("a platform thread runs in our process, on a new non-daemon thread with the given name, and is waited for")
    void platformThread() throws Exception {
        String caller = CALLER;

        UnitReport report = reportWhileHeld("platformThread", () -> Units.platformThread("worker-7"));

        assertThat(report).as("the report from platformThread(\"worker-7\")").isNotNull();
        assertThat(report.thread())
                .withFailMessage("the code ran on the caller's thread '%s': call start(), not run(), "
                        + "so that the new thread runs it", caller)
                .isNotEqualTo(caller);
        assertThat(report.thread()).as("the new thread's name").isEqualTo("worker-7");
        assertThat(report.virtual()).withFailMessage("got a virtual thread where a platform thread was asked for").isFalse();
        assertThat(report.daemon())
                .withFailMessage("the platform thread is a daemon: new platform threads should keep the JVM alive "
                        + "(do not call setDaemon(true) here)")
                .isFalse();
        assertThat(report.pid())
                .withFailMessage("a thread lives inside its process: expected pid %d (this JVM) but got %d", OUR_PID, report.pid())
                .isEqualTo(OUR_PID);
        assertThat(report.unit()).isEqualTo("platform thread");
    }

    @Test
    @Points(3)
    @DisplayName("a virtual thread runs in our process too, is always a daemon, and is waited for")
    void virtualThread() throws Exception {
        String caller = CALLER;

        ThreadStarts.watch();
        UnitReport report = reportWhileHeld("virtualThread", () -> Units.virtualThread("fiber-1"));

        assertThat(report).as("the report from virtualThread(\"fiber-1\")").isNotNull();
        assertThat(report.thread())
                .withFailMessage("the code ran on the caller's thread '%s': start the virtual thread, do not run() it", caller)
                .isNotEqualTo(caller);
        assertThat(report.virtual())
                .withFailMessage("the thread '%s' is a platform thread: create it with Thread.ofVirtual() "
                        + "(or Thread.startVirtualThread)", report.thread())
                .isTrue();
        assertThat(report.thread()).as("the virtual thread's name (Thread.ofVirtual().name(...))").isEqualTo("fiber-1");
        ThreadStarts.namedAfterStart(reporter, "fiber-1").ifPresent(message -> fail(message));
        assertThat(report.daemon()).as("virtual threads are always daemon threads").isTrue();
        assertThat(report.pid()).as("pid of the process the virtual thread ran in (this JVM)").isEqualTo(OUR_PID);
        assertThat(report.unit()).isEqualTo("virtual thread");
    }

    @Test
    @Points(3)
    @DisplayName("a child process is another process, started by ours, and is gone when the call returns")
    @Timeout(60)   // a child JVM may start slowly on a busy machine: the waits below are ceilings for broken code
    void childProcess() throws Exception {
        Path hold = WhoAmI.holdDir(OUR_PID);
        Files.createDirectories(hold);
        Background<UnitReport> caller = Background.start("child-caller", Units::childProcess);
        boolean returnedWhileHeld;
        List<Long> held;
        try {
            // The child prints its line and then stays alive until the test releases it: a call that
            // waits for it is seen waiting; a call that returns meanwhile leaves it running.
            Background.until(CHILD_START, () -> caller.isDone()
                    || !childrenAlive().isEmpty() && Background.isWaiting(caller.thread()));
            held = childrenAlive();
            returnedWhileHeld = caller.isDone() && !held.isEmpty();
        } finally {
            Files.writeString(hold.resolve("release"), "");
        }
        UnitReport report;
        try {
            if (!caller.join(CHILD_START)) {
                fail("childProcess() had not returned %d s after its child was released (it is %s)",
                        CHILD_START.toSeconds(), Background.where(caller.thread()));
            }
            caller.rethrowNotImplemented();
            assertThat(returnedWhileHeld)
                    .withFailMessage("childProcess() returned while child %s was still running (the test kept it alive "
                            + "after it had printed its line): wait for the child to exit (waitFor with a timeout) "
                            + "before you return, and destroy it in a finally block", held)
                    .isFalse();
            report = caller.result();
        } finally {
            caller.stop();
            try (var files = Files.list(hold)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(hold);
        }

        assertThat(report).as("the report from childProcess()").isNotNull();
        assertThat(report.pid())
                .withFailMessage("the 'child' reported this JVM's own pid %d: it ran inside our process. "
                        + "Start a new JVM with new ProcessBuilder(ChildJvm.command(WhoAmI.class)).start() "
                        + "and read its output instead of calling WhoAmI.main or UnitReport directly", OUR_PID)
                .isNotEqualTo(OUR_PID);
        assertThat(report.parentPid())
                .withFailMessage("the child's parent is %d, not this JVM (%d): our process must start the child itself",
                        report.parentPid(), OUR_PID)
                .isEqualTo(OUR_PID);
        assertThat(report.unit()).as("the unit named in the child's line").isEqualTo("process");
        assertThat(report.thread()).as("a JVM runs main() on the thread named 'main'").isEqualTo("main");
        assertThat(ProcessHandle.of(report.pid()).filter(ProcessHandle::isAlive))
                .withFailMessage("child %d was still running after childProcess() returned: wait for it (waitFor with a "
                        + "timeout) and destroy it in a finally block", report.pid())
                .isEmpty();
    }

    @Test
    @Points(1)
    @DisplayName("a child that exits with a non-zero status makes childProcess throw IOException")
    void failedChildIsReported() throws Exception {
        Path marker = WhoAmI.failMarker(OUR_PID);
        Files.writeString(marker, "");
        try {
            Throwable thrown = StarterCalls.thrownBy(Units::childProcess);
            assertThat(thrown)
                    .withFailMessage("the child printed its report and then exited with status 1, but childProcess %s: "
                            + "a report is worth nothing from a program that failed. Look at the exit status "
                            + "(waitFor() returns it) and throw IOException when it is not 0",
                            thrown == null ? "returned normally" : "threw " + thrown)
                    .isInstanceOf(IOException.class);
        } finally {
            Files.deleteIfExists(marker);
        }
    }
}
