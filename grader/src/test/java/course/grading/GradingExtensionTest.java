package course.grading;

import course.fixtures.Deadlocked;
import course.fixtures.LeavesAThread;
import course.fixtures.WaitsForever;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs small misbehaving test classes through JUnit, with the grader's extension loaded as it is
 * for the lessons, and checks what a student would read.
 */
@AllowThreads("the fixtures leave blocked and deadlocked daemon threads behind on purpose")
class GradingExtensionTest {

    private static Throwable failureOf(Class<?> fixture) {
        List<Event> failed = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents()
                .failed()
                .list();
        assertThat(failed).as("failed tests of " + fixture.getSimpleName()).hasSize(1);
        return failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    @DisplayName("a timeout says how long, and shows the line where the code was stuck")
    void timeoutShowsWhereItWasStuck() {
        Throwable failure = failureOf(WaitsForever.class);

        assertThat(failure).isInstanceOf(GradingTimeoutError.class);
        assertThat(Outcome.of(failure)).isEqualTo(Outcome.TIMEOUT);
        assertThat(failure.getMessage())
                .startsWith("timed out after 1 second")
                .contains("Where the threads were:")
                .contains("course.fixtures.WaitsForever.waitForAnswer");
    }

    @Test
    @DisplayName("a timeout in a deadlock names both threads and the locks they hold and want")
    void deadlockIsNamed() {
        Throwable failure = failureOf(Deadlocked.class);

        assertThat(failure.getMessage())
                .contains("deadlock: ")
                .contains("thread 'alice' holds Object@")
                .contains("thread 'bob' holds Object@")
                .contains("two threads take the same locks in different orders");
    }

    @Test
    @DisplayName("a thread left running after a test fails that test, by name")
    void leakedThreadFailsTheTest() {
        Throwable failure = failureOf(LeavesAThread.class);

        assertThat(Outcome.of(failure)).isEqualTo(Outcome.ASSERTION);
        assertThat(failure.getMessage())
                .startsWith("left 1 thread(s) running after the test: 'forgotten-worker' (WAITING at LeavesAThread.work")
                .contains("join it");
    }

    @Test
    @DisplayName("System.exit from course code throws instead of ending the JVM")
    void exitIsStopped() {
        assertThat(ExitGuard.install()).as("the guard needs Byte Buddy's agent, which the build attaches").isTrue();

        assertThatThrownBy(() -> System.exit(3))
                .isInstanceOf(SecurityException.class)
                .hasMessageStartingWith("System.exit(3) was called by course.grading.GradingExtensionTest")
                .hasMessageContaining("Never end the JVM in a method");
        assertThatThrownBy(() -> Runtime.getRuntime().halt(4))
                .hasMessageStartingWith("Runtime.halt(4) was called by");
        assertThatThrownBy(() -> Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), 5))
                .hasRootCauseInstanceOf(SecurityException.class)
                .rootCause().hasMessageStartingWith("Runtime.halt(5) was called by");
    }
}
