package course.lesson03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import course.grading.Background;
import course.grading.Delays;
import course.grading.Points;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("Exercise 2 · Process identity and isolation")
@ExtendWith(ChildProcesses.class)
class IsolationTest {
    private static final Duration JVM_CEILING = Delays.CEILING.multipliedBy(2);

    private final long me = ProcessHandle.current().pid();

    @BeforeEach
    void emptyOurList() {
        ListAppender.NUMBERS.clear();
    }

    private ChildReport appendInChild(int times) {
        return ChildProcesses.within(JVM_CEILING,
                "appendInChild(" + times + ") did not return: read the child's line before waiting for it,"
                        + " and make sure you started the child (start(), not just new ProcessBuilder)",
                () -> Isolation.appendInChild(times)).get();
    }

    @Test
    @Points(2)
    @DisplayName("currentPid() and parentPid() name this JVM and the process that started it")
    void namesThisProcessAndItsParent() {
        long expectedParent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);

        assertThat(Isolation.currentPid())
                .withFailMessage("currentPid() returned %d, but this JVM is process %d (os.getpid() is"
                        + " ProcessHandle.current().pid())", Isolation.currentPid(), me)
                .isEqualTo(ManagementFactory.getRuntimeMXBean().getPid());
        assertThat(Isolation.parentPid())
                .withFailMessage("parentPid() returned %d, but this JVM's parent is process %d (os.getppid()"
                        + " is ProcessHandle.current().parent())", Isolation.parentPid(), expectedParent)
                .isEqualTo(expectedParent);
    }

    @Test
    @Points(2)
    @Timeout(30)
    @DisplayName("a child JVM appends to its own list while this JVM's list stays empty")
    void childHasItsOwnMemory() {
        ChildReport child = appendInChild(3);

        assertThat(ListAppender.NUMBERS)
                .withFailMessage("this JVM's ListAppender.NUMBERS now holds %d elements: ListAppender ran inside"
                        + " the test JVM (a direct call to main() or a thread shares our memory). Start a child"
                        + " JVM with ProcessBuilder and JavaProcesses.command(ListAppender.class, ...)",
                        ListAppender.NUMBERS.size())
                .isEmpty();
        assertThat(child.listSize())
                .withFailMessage("the child reported a list of %d elements, expected 3: pass times to the child"
                        + " as its argument", child.listSize())
                .isEqualTo(3);
    }

    @Test
    @Points(3)
    @Timeout(30)
    @DisplayName("the child has a pid of its own, names the test JVM as its parent, and has exited when the call returns")
    void childIsAnotherProcessWhoseParentIsUs() throws Exception {
        Path hold = ListAppender.holdDir(me);
        Files.createDirectories(hold);
        Background<ChildReport> caller = Background.start("student-call", () -> Isolation.appendInChild(1));
        boolean returnedWhileHeld = false;
        boolean settled = true;
        List<Long> held = List.of();
        try {
            try {
                // The child, once it has printed its line, stays alive until the test releases it.
                await().atMost(JVM_CEILING).pollInSameThread().pollInterval(Duration.ofMillis(5))
                        .until(() -> caller.isDone() || !heldChildren(hold).isEmpty());
            } catch (ConditionTimeoutException e) {
                settled = caller.isDone() || !heldChildren(hold).isEmpty();
            }
            held = heldChildren(hold);
            if (held.isEmpty() && caller.isDone()) {
                // The call returned before its child reached the hold. A call that waits for its child
                // cannot (the held child never exits by itself); if a child is still running, it
                // reaches the hold now, which proves the call returned without waiting.
                held = awaitHeldWhileAChildRuns(hold);
                returnedWhileHeld = !held.isEmpty();
            } else if (!held.isEmpty()) {
                returnedWhileHeld = caller.watch(() -> true, t -> ChildProcesses.blockedInside(t, true)) == Background.Seen.RETURNED;
            }
        } finally {
            Files.writeString(hold.resolve("release"), "");
        }
        try {
            if (!settled) {
                fail("appendInChild(1) had neither returned nor started a child that printed its line within %d s:"
                        + " start a child JVM with new ProcessBuilder(JavaProcesses.command(ListAppender.class,"
                        + " ...)).start() and read its line (or is the machine overloaded?)", JVM_CEILING.toSeconds());
            }
            if (!caller.join(JVM_CEILING)) {
                fail("appendInChild(1) did not return although its child had printed its line and exited");
            }
            ChildReport child = caller.result();

            assertThat(child.pid())
                    .withFailMessage("the child reported pid %d, which is the test JVM itself: the code ran in this"
                            + " process, not in a child", child.pid())
                    .isNotEqualTo(me);
            assertThat(child.parentPid())
                    .withFailMessage("the child says its parent is process %d, but the test JVM is %d: start the child"
                            + " directly with ProcessBuilder (not through a shell or a script), and make parentPid()"
                            + " return the parent's pid", child.parentPid(), me)
                    .isEqualTo(me);
            assertThat(returnedWhileHeld)
                    .withFailMessage("appendInChild returned while child %s was still running (the test kept it alive"
                            + " after it had printed its line): wait for it to exit (waitFor()) and check its exit"
                            + " code", held)
                    .isFalse();
        } finally {
            ChildProcesses.killAll();
            caller.stop();
            try (var files = Files.list(hold)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(hold);
        }
    }

    /** The held children once one is held, or none once no process started by this JVM runs. */
    private static List<Long> awaitHeldWhileAChildRuns(Path hold) throws IOException {
        try {
            await().atMost(JVM_CEILING).pollInSameThread().pollInterval(Duration.ofMillis(5))
                    .until(() -> !heldChildren(hold).isEmpty()
                            || ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
        } catch (ConditionTimeoutException e) {
            // a child that runs on without reaching the hold: nothing to conclude
        }
        return heldChildren(hold);
    }

    private static List<Long> heldChildren(Path hold) throws IOException {
        try (var files = Files.list(hold)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".held"))
                    .map(n -> Long.parseLong(n.substring(0, n.length() - ".held".length()))).toList();
        }
    }

    @Test
    @Points(1)
    @Timeout(30)
    @DisplayName("a child that exits with a non-zero code makes appendInChild throw IllegalStateException")
    void failedChildIsReported() {
        var outcome = ChildProcesses.within(JVM_CEILING, "appendInChild(-1) did not return: the child exits at once"
                + " with code 2", () -> Isolation.appendInChild(-1));
        if (outcome.thrown() instanceof UnsupportedOperationException) {
            outcome.get();
        }
        assertThat(outcome.thrown())
                .withFailMessage("ListAppender -1 exits with code 2 (it prints only a usage line, on stderr), but"
                                + " appendInChild %s: check the exit code waitFor() returns and throw"
                                + " IllegalStateException when it is not 0",
                        outcome.thrown() == null ? "returned " + outcome.value() : "threw " + outcome.thrown())
                .isInstanceOf(IllegalStateException.class);
    }
}
