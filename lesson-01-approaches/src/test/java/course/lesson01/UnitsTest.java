package course.lesson01;

import static org.assertj.core.api.Assertions.assertThat;

import course.grading.Points;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 3 · Units of execution: platform thread, virtual thread, child process")
class UnitsTest {

    private static final long OUR_PID = ProcessHandle.current().pid();

    @AfterEach
    void noChildLeftBehind() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    @Points(3)
    @DisplayName("a platform thread runs in our process, on a new non-daemon thread with the given name")
    void platformThread() throws Exception {
        String caller = Thread.currentThread().getName();

        UnitReport report = Units.platformThread("worker-7");

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
    @DisplayName("a virtual thread runs in our process too, and is always a daemon")
    void virtualThread() throws Exception {
        String caller = Thread.currentThread().getName();

        UnitReport report = Units.virtualThread("fiber-1");

        assertThat(report).as("the report from virtualThread(\"fiber-1\")").isNotNull();
        assertThat(report.thread())
                .withFailMessage("the code ran on the caller's thread '%s': start the virtual thread, do not run() it", caller)
                .isNotEqualTo(caller);
        assertThat(report.virtual())
                .withFailMessage("the thread '%s' is a platform thread: create it with Thread.ofVirtual() "
                        + "(or Thread.startVirtualThread)", report.thread())
                .isTrue();
        assertThat(report.thread()).as("the virtual thread's name (Thread.ofVirtual().name(...))").isEqualTo("fiber-1");
        assertThat(report.daemon()).as("virtual threads are always daemon threads").isTrue();
        assertThat(report.pid()).as("pid of the process the virtual thread ran in (this JVM)").isEqualTo(OUR_PID);
        assertThat(report.unit()).isEqualTo("virtual thread");
    }

    @Test
    @Points(4)
    @DisplayName("a child process is another process, started by ours, and is gone when the call returns")
    void childProcess() throws Exception {
        UnitReport report = Units.childProcess();

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
}
