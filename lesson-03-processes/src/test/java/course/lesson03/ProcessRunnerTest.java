package course.lesson03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import course.grading.Background;
import course.grading.Delays;
import course.grading.Points;
import course.grading.ProcessGuard;
import course.grading.ThreadReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Exercise 3 · Run an external program like subprocess.run")
@ExtendWith(ChildProcesses.class)
class ProcessRunnerTest {
    private static final int MIB = 1 << 20;
    /** The time limit handed to run(): far above what any command here needs. */
    private static final Duration GENEROUS = Delays.CEILING;

    /** The command, which run() may start during grading: the test chose it (see ProcessGuard). */
    private static List<String> given(List<String> command) {
        ProcessGuard.allow(command);
        return command;
    }

    private static ChildProcesses.Outcome<Completed> run(String whenStuck, List<String> command, byte[] input,
            Duration timeout, boolean check) {
        return ChildProcesses.within(Delays.CEILING.plusSeconds(1), whenStuck,
                () -> ProcessRunner.run(given(command), input, timeout, check));
    }

    /**
     * How long a killed tree may take to be gone: the JDK learns that a process which is not its
     * own child (the grandchild) has exited only by polling, and on some machines a killed orphan
     * stays a zombie until an init process reaps it. Not a speed limit: a correct run() that kills
     * and waits needs this much on such a machine.
     */
    private static final Duration TREE_GONE = Delays.CEILING.multipliedBy(2);

    /**
     * Runs a command that a correct run() finishes at once; a run() that blocks on a full pipe either
     * hangs or runs into its own (generous) timeout, and both are reported with {@code whenStuck}.
     */
    private static Completed runWithoutBlocking(String whenStuck, List<String> command, byte[] input) {
        var outcome = run(whenStuck, command, input, GENEROUS, false);
        if (outcome.thrown() instanceof ProcessTimeoutException) {
            fail(whenStuck + " (run() ran into its timeout of " + GENEROUS.toSeconds() + " s)");
        }
        return outcome.get();
    }

    /** The starter's "not implemented yet" is the message a student should see first. */
    private static void rethrowIfNotImplemented(ChildProcesses.Outcome<?> outcome) {
        if (outcome.thrown() instanceof UnsupportedOperationException) {
            outcome.get();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Points(2)
    @DisplayName("passes the arguments as a list, with no shell splitting or expanding them")
    void passesArgumentsUnchanged() {
        List<String> command = List.of("printf", "%s|", "two words", "$HOME", "*");
        Completed done = run("printf did not finish", command, null, GENEROUS, false).get();

        assertThat(done.stdoutText())
                .withFailMessage("printf received other arguments than given: expected output 'two words|$HOME|*|',"
                        + " got '%s'. Pass the list to new ProcessBuilder(command) as it is: joining it into one"
                        + " string (sh -c, Runtime.exec(String)) splits at spaces and expands $ and *",
                        done.stdoutText())
                .isEqualTo("two words|$HOME|*|");
        assertThat(done.exitCode()).as("exit code of printf").isZero();
        assertThat(done.command()).as("Completed.command()").isEqualTo(command);
    }

    @Test
    @Points(2)
    @DisplayName("writes the input bytes to stdin and closes it, also when there is no input")
    void feedsStdinAndClosesIt() {
        byte[] input = utf8("grüße\nfrom the parent\n");
        var echoing = run("cat never saw the end of its input: close the child's stdin after writing"
                + " (and at once when input is null)", List.of("cat"), input, Duration.ofSeconds(2), false);
        if (echoing.thrown() instanceof ProcessTimeoutException) {
            fail("cat timed out: it echoed the input and then kept waiting for more, because stdin was never"
                    + " closed. Close process.getOutputStream() after writing the input");
        }
        Completed echoed = echoing.get();
        assertThat(echoed.stdout())
                .withFailMessage("cat echoed '%s' instead of the input 'grüße\\nfrom the parent\\n': write the"
                        + " input bytes unchanged to process.getOutputStream()", echoed.stdoutText())
                .isEqualTo(input);

        var empty = run("cat waited for input that never came: with input == null, close stdin at once",
                List.of("cat"), null, Duration.ofSeconds(2), false);
        if (empty.thrown() instanceof ProcessTimeoutException) {
            fail("cat with no input timed out: it kept waiting because stdin was never closed."
                    + " With input == null, close process.getOutputStream() at once");
        }
        assertThat(empty.get().stdout()).as("cat's output for no input").isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("captures stdout and stderr separately")
    void capturesBothStreamsSeparately() {
        Completed done = run("the shell did not finish",
                List.of("sh", "-c", "echo to-out; echo to-err >&2"), null, GENEROUS, false).get();

        assertThat(done.stderrText())
                .withFailMessage("stderr was '%s' and stdout '%s': keep the streams apart (no"
                        + " redirectErrorStream(true)) and read process.getErrorStream() too",
                        done.stderrText(), done.stdoutText())
                .isEqualTo("to-err\n");
        assertThat(done.stdoutText()).as("stdout").isEqualTo("to-out\n");
    }

    @Test
    @Points(2)
    @Timeout(30)   // a blocked run() is reported by within() with the mistake named, never by this timeout
    @DisplayName("does not deadlock when the child writes a megabyte to stderr and then to stdout")
    void drainsBothPipesWhileTheChildRuns() {
        // stderr first: a runner that reads stdout to its end before touching stderr waits forever,
        // because the child is blocked on a full stderr pipe and never gets to stdout.
        List<String> command = List.of("sh", "-c",
                "head -c " + MIB + " /dev/zero >&2; head -c " + MIB + " /dev/zero");
        Completed done = runWithoutBlocking("run() hung on a child writing 1 MiB to stderr and 1 MiB to stdout: a"
                        + " pipe holds only ~64 KiB, so the child blocked until someone read. Read stdout and stderr"
                        + " on their own threads while the child runs, not after waitFor() and not one after"
                        + " the other",
                command, null);

        assertThat(done.stderr().length).as("bytes captured from stderr").isEqualTo(MIB);
        assertThat(done.stdout().length).as("bytes captured from stdout").isEqualTo(MIB);
        assertThat(done.exitCode()).as("exit code").isZero();
    }

    @Test
    @Points(2)
    @Timeout(30)   // a blocked run() is reported by within() with the mistake named, never by this timeout
    @DisplayName("streams a megabyte through cat: input is written while output is read")
    void writesInputWhileReadingOutput() {
        byte[] input = new byte[MIB];
        new Random(3).nextBytes(input);
        Completed done = runWithoutBlocking("run() hung while sending 1 MiB through cat: cat fills its stdout pipe"
                        + " and stops reading stdin while you are still writing. Start the stdout/stderr readers"
                        + " before writing the input, or write it on a thread of its own",
                List.of("cat"), input);

        assertThat(done.stdout().length).as("bytes that came back from cat").isEqualTo(MIB);
        assertThat(done.stdout()).as("the bytes that came back from cat").isEqualTo(input);
    }

    @Test
    @Points(2)
    @DisplayName("returns only after every thread it started has ended, even while a grandchild holds the pipe open")
    void joinsItsThreadsBeforeReturning(@TempDir Path tmp) throws Exception {
        Path release = tmp.resolve("release");
        Path exit = tmp.resolve("exit");
        Path grandchildPidFile = tmp.resolve("grandchild.pid");
        // The shell prints 'early' and exits when the test lets it; its background grandchild keeps
        // stdout and stderr open, and prints 'late', until the test releases it, which the test does
        // once run() is either back or seen waiting. Not left to timing: when a child exits, the JDK
        // drains and closes its pipes, except for a reader that is inside a read at that moment. So
        // the test lets the shell exit only once run() waits for it and its threads wait too (a
        // reader blocked in its read, none running Java code): a reader that run() did not join is
        // then sure to be still reading when run() returns.
        List<String> command = List.of("sh", "-c", "sh -c 'while [ ! -e \"$0\" ]; do sleep 0.01; done; echo late' '"
                + release + "' & echo $! > '" + grandchildPidFile + "'; echo early; "
                + "while [ ! -e '" + exit + "' ]; do sleep 0.01; done");
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Set<String> virtualBefore = VirtualThreadDump.studentIds();
        Background<Completed> caller = Background.start("student-call", () -> ProcessRunner.run(given(command), null, GENEROUS, false));
        List<String> running = new ArrayList<>();
        boolean shellEnded = true;
        try {
            try {
                await().atMost(Delays.CEILING).pollInSameThread().pollInterval(Duration.ofMillis(2))
                        .until(() -> caller.isDone() || Files.exists(grandchildPidFile) && !caller.isDone()
                                && ChildProcesses.blockedInside(caller.thread(), true)
                                && startedThreadsWait(before, virtualBefore));
            } catch (ConditionTimeoutException e) {
                // some thread of run() keeps running: let the shell exit anyway
            }
            Files.writeString(exit, "");
            try {
                await().atMost(Delays.CEILING).pollInSameThread().pollInterval(Duration.ofMillis(5))
                        .until(() -> caller.isDone() || (Files.exists(grandchildPidFile)
                                && ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive)));
            } catch (ConditionTimeoutException e) {
                shellEnded = false;   // the shell did not finish: nothing below can be concluded
            }
            if (Files.exists(grandchildPidFile)) {
                String pid = Files.readString(grandchildPidFile).trim();
                if (!pid.isEmpty()) {
                    ChildProcesses.track(Long.parseLong(pid));
                }
            }
            if (shellEnded && caller.watch(() -> true, t -> ChildProcesses.blockedInside(t, false)) == Background.Seen.RETURNED) {
                Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> !before.contains(t) && t.isAlive() && !ThreadReport.isHarnessThread(t)
                                && !t.getName().startsWith("student-call"))
                        .forEach(t -> running.add("'" + t.getName() + "' (" + t.getState() + ")"));
                // Readers on virtual threads are threads it started too; getAllStackTraces() never lists them.
                VirtualThreadDump.studentSince(virtualBefore).forEach(v -> running.add(v.toString()));
            }
        } finally {
            Files.writeString(exit, "");
            Files.writeString(release, "");
        }
        try {
            if (!shellEnded) {
                fail("the shell 'echo early' had not exited %d s after the test let it, although it exits at once:"
                        + " start the command with new ProcessBuilder(command).start() (or is the machine overloaded?)",
                        Delays.CEILING.toSeconds());
            }
            if (!caller.join(Delays.CEILING)) {
                fail("run() did not return although the shell and its grandchild had both exited");
            }
            Completed done = caller.result();
            assertThat(running)
                    .withFailMessage("run() returned while thread(s) %s it had started were still running: the child"
                            + " had exited, but a grandchild held its pipes open, so your readers had not reached"
                            + " end-of-file. Join every thread you start (or get() its future) before returning;"
                            + " waitFor() on the process is not enough", running)
                    .isEmpty();
            assertThat(done.stdoutText()).as("stdout").startsWith("early\n");
        } finally {
            ChildProcesses.killAll();
            caller.stop();
        }
    }

    /**
     * Whether the threads started since {@code before} / {@code virtualBefore} (but the test's caller) all wait:
     * none runs Java code or waits for a monitor, and one at least is blocked in a read from a
     * pipe, unless none is alive at all (outputs redirected to files).
     */
    private static boolean startedThreadsWait(Set<Thread> before, Set<String> virtualBefore) {
        boolean reading = false;
        boolean alive = false;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (before.contains(thread) || ThreadReport.isHarnessThread(thread)
                    || thread.getName().startsWith("student-call")) {
                continue;
            }
            Thread.State state = thread.getState();
            alive |= state != Thread.State.TERMINATED;
            if (state == Thread.State.BLOCKED) {
                return false;
            }
            if (state == Thread.State.RUNNABLE) {
                StackTraceElement[] stack = thread.getStackTrace();
                if (stack.length == 0 || !stack[0].isNativeMethod()) {
                    return false;
                }
                reading |= stack[0].getClassName().equals("java.io.FileInputStream");
            }
        }
        // Virtual threads (Thread.ofVirtual(), a virtual-thread executor) started by run(): each must
        // be blocked in a read too, or the JDK could still drain the pipe for it when the shell exits.
        for (VirtualThreadDump.Virtual virtual : VirtualThreadDump.studentSince(virtualBefore)) {
            if (!virtual.reading() && !virtual.stack().isEmpty()
                    && !virtual.stack().getFirst().contains("Unsafe.park")) {
                return false;
            }
            alive = true;
            reading |= virtual.reading();
        }
        return reading || !alive;
    }

    @Test
    @Points(2)
    @Timeout(30)
    @DisplayName("on timeout, kills the child and its descendants and throws ProcessTimeoutException with the output so far")
    void timeoutKillsTheWholeTree(@TempDir Path tmp) throws Exception {
        Path grandchildPidFile = tmp.resolve("grandchild.pid");
        Path shellPidFile = tmp.resolve("shell.pid");
        // sh ignores SIGTERM (and so does the grandchild it starts: an ignored signal stays ignored),
        // prints a line, starts a grandchild (sleep), writes both pids down, and waits for it. Only a
        // real kill (destroyForcibly, SIGKILL) ends them; destroy() is a request they turn down.
        List<String> command = List.of("sh", "-c", "trap '' TERM; echo $$ > '" + shellPidFile + "'; echo started;"
                + " sleep 30 & echo $! > '" + grandchildPidFile + "'; wait");
        List<Long> seen = new ArrayList<>();
        // Not a whole number of seconds: a run() that keeps only timeout.getSeconds() gives up after 1 s.
        Duration limit = Duration.ofMillis(1900);
        // A run() that waits for the orphaned grandchild is freed when the test gives up on it.
        ChildProcesses.trackPidFile(grandchildPidFile);
        Background<?>[] shellWatch = new Background<?>[1];
        try {
            long calledAt = System.nanoTime();
            // When the shell dies, as the JVM sees it (the shell is our child: its exit is reported at once).
            AtomicLong shellDiedAt = new AtomicLong();
            AtomicBoolean returned = new AtomicBoolean();
            shellWatch[0] = Background.run("shell-watch", () -> {
                Background.until(limit.plus(TREE_GONE), () -> pidIn(shellPidFile) > 0 || returned.get());
                long pid = pidIn(shellPidFile);
                if (pid > 0) {
                    ProcessHandle.of(pid).map(ProcessHandle::onExit)
                            .orElse(java.util.concurrent.CompletableFuture.completedFuture(null))
                            .thenRun(() -> shellDiedAt.compareAndSet(0, System.nanoTime()));
                }
            });
            var outcome = ChildProcesses.within(limit.plus(TREE_GONE),
                    "run() did not return although its timeout was 1.9 s. Either there is no timeout"
                            + " (use process.waitFor(timeout, unit)), or you killed the shell but are still waiting"
                            + " for its pipes, which the grandchild 'sleep 30' holds open: destroy"
                            + " process.descendants() as well. (Or you asked them to end with destroy() and wait:"
                            + " this shell ignores that request, SIGTERM; kill with destroyForcibly())",
                    () -> ProcessRunner.run(given(command), null, limit, false));
            long returnedAfter = System.nanoTime() - calledAt;
            returned.set(true);
            rethrowIfNotImplemented(outcome);
            shellWatch[0].join(Delays.CEILING);
            ProcessHandle.current().descendants().forEach(h -> seen.add(h.pid()));
            if (Files.exists(grandchildPidFile)) {
                String pid = Files.readString(grandchildPidFile).trim();
                if (!pid.isEmpty()) {
                    seen.add(Long.parseLong(pid));
                }
            }
            seen.forEach(ChildProcesses::track);

            assertThat(outcome.thrown())
                    .withFailMessage("run() %s instead of throwing ProcessTimeoutException after its 1.9 s timeout",
                            outcome.thrown() == null ? "returned " + outcome.value() : "threw " + outcome.thrown())
                    .isInstanceOf(ProcessTimeoutException.class);
            ProcessTimeoutException timeout = (ProcessTimeoutException) outcome.thrown();
            assertThat(timeout.timeout()).as("ProcessTimeoutException.timeout()").isEqualTo(limit);
            // A timed wait never ends before its time is up: whatever the machine's speed, a run() that
            // waited the whole 1.9 s killed the shell, and returned, no sooner than 1.9 s after it was called.
            // (run() has killed the shell and waited for it: the JVM reports its exit in a moment.)
            Background.until(Delays.CEILING, () -> shellDiedAt.get() != 0 || pidIn(shellPidFile) <= 0);
            long killedAfter = Math.min(returnedAfter,
                    shellDiedAt.get() == 0 ? Long.MAX_VALUE : shellDiedAt.get() - calledAt);
            assertThat(killedAfter)
                    .withFailMessage("run() gave up on the shell %d ms after it was called, although its timeout"
                            + " was %d ms: part of the Duration was lost. getSeconds() and toSeconds() truncate 1.9 s to 1 s,"
                            + " and a number of seconds waited as milliseconds is a thousand times too short: wait"
                            + " timeout.toNanos() with TimeUnit.NANOSECONDS (or toMillis() with MILLISECONDS)",
                            TimeUnit.NANOSECONDS.toMillis(killedAfter), limit.toMillis())
                    .isGreaterThanOrEqualTo(limit.toNanos());
            assertThat(Files.exists(grandchildPidFile))
                    .withFailMessage("the shell never started its grandchild within 1.9 s, so the test cannot check"
                            + " that descendants are killed (is the machine overloaded?)")
                    .isTrue();
            long shell = Files.exists(shellPidFile) && !Files.readString(shellPidFile).isBlank()
                    ? Long.parseLong(Files.readString(shellPidFile).trim()) : -1;
            await("the child and grandchild to be gone").pollInSameThread()
                    .atMost(TREE_GONE).pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThat(ChildProcesses.alive(seen))
                            .withFailMessage(ChildProcesses.alive(seen).contains(shell)
                                    ? "processes %s, the shell itself among them, were still alive after the"
                                            + " timeout: destroy() only asks a process to end (SIGTERM), and this"
                                            + " shell ignores the request. Kill the tree with destroyForcibly()"
                                    : "processes %s (the grandchild 'sleep 30') were still alive after the timeout:"
                                            + " destroying the process does not destroy its children. Collect"
                                            + " process.descendants() first and destroy them too",
                                    ChildProcesses.alive(seen))
                            .isEmpty());
            // The shell printed 'started' before it wrote the pid file: it was in the pipe before the timeout.
            String captured = new String(timeout.stdout() == null ? new byte[0] : timeout.stdout(),
                    StandardCharsets.UTF_8);
            assertThat(captured)
                    .withFailMessage("ProcessTimeoutException carried the stdout '%s', but the shell had printed"
                            + " 'started\\n' before the timeout: it must carry the output captured before the kill."
                            + " After destroying the tree, join your reader threads and pass what they read",
                            captured.replace("\n", "\\n"))
                    .isEqualTo("started\n");
        } finally {
            // The grandchild may have been orphaned (no longer our descendant): destroy it by pid.
            if (Files.exists(grandchildPidFile)) {
                String pid = Files.readString(grandchildPidFile).trim();
                if (!pid.isEmpty()) {
                    ChildProcesses.track(Long.parseLong(pid));
                }
            }
            if (shellWatch[0] != null) {
                shellWatch[0].stop();
            }
            ChildProcesses.killAll();
        }
    }

    /** The pid written into {@code file}, or -1 while there is none (yet). */
    private static long pidIn(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file).trim() : "";
            return text.isEmpty() ? -1 : Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return -1;   // not written yet, or half written
        }
    }

    @Test
    @Points(1)
    @DisplayName("a null timeout means no time limit")
    void nullTimeoutMeansNoLimit() {
        var outcome = run("run() with timeout null did not finish", List.of("sh", "-c", "echo no-limit"), null,
                null, false);
        rethrowIfNotImplemented(outcome);
        if (outcome.thrown() instanceof NullPointerException npe) {
            throw new AssertionError("run() with timeout == null threw " + npe + ": null means no time limit."
                    + " Wait with process.waitFor() (no arguments) when there is no timeout", npe);
        }
        assertThat(outcome.get().stdoutText()).as("stdout of 'echo no-limit' run without a time limit")
                .isEqualTo("no-limit\n");
    }

    @Test
    @Points(1)
    @Timeout(30)
    @DisplayName("when interrupted while it waits, kills the child and its descendants and throws InterruptedException")
    void interruptKillsTheWholeTree(@TempDir Path tmp) throws Exception {
        Path grandchildPidFile = tmp.resolve("grandchild.pid");
        List<String> command = List.of("sh", "-c",
                "sleep 30 & echo $! > '" + grandchildPidFile + "'; wait");
        ChildProcesses.trackPidFile(grandchildPidFile);
        List<Long> seen = new ArrayList<>();
        Background<Completed> caller = Background.start("student-call",
                () -> ProcessRunner.run(given(command), null, Duration.ofMinutes(1), false));
        try {
            try {
                // run() has started the shell, the shell its grandchild, and run() now waits for them.
                await().atMost(Delays.CEILING).pollInSameThread().pollInterval(Duration.ofMillis(2))
                        .until(() -> caller.isDone() || Files.exists(grandchildPidFile)
                                && !Files.readString(grandchildPidFile).isBlank()
                                && ChildProcesses.blockedInside(caller.thread(), true));
            } catch (ConditionTimeoutException e) {
                fail("run() was not seen waiting for the shell within %d s; it is %s", Delays.CEILING.toSeconds(),
                        Background.where(caller.thread()));
            }
            caller.rethrowNotImplemented();
            if (caller.isDone()) {
                fail("run() returned %s before the shell 'sleep 30 & wait' had ended",
                        caller.thrown() == null ? caller.value() : "by throwing " + caller.thrown());
            }
            ProcessHandle.current().descendants().forEach(h -> seen.add(h.pid()));
            seen.add(Long.parseLong(Files.readString(grandchildPidFile).trim()));
            seen.forEach(ChildProcesses::track);

            caller.interrupt();
            if (!caller.join(TREE_GONE)) {
                fail("run() was interrupted while it waited for the shell, but had not returned %d s later (it is"
                        + " %s): do not swallow the InterruptedException of waitFor(); kill the process tree in a"
                        + " finally block and let the exception propagate", TREE_GONE.toSeconds(),
                        Background.where(caller.thread()));
            }
            assertThat(caller.thrown())
                    .withFailMessage("an interrupted run() must throw InterruptedException, but it %s",
                            caller.thrown() == null ? "returned " + caller.value() : "threw " + caller.thrown())
                    .isInstanceOf(InterruptedException.class);
            await("the child and grandchild to be gone").pollInSameThread()
                    .atMost(TREE_GONE).pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThat(ChildProcesses.alive(seen))
                            .withFailMessage("processes %s (the shell and/or its grandchild 'sleep 30') were still"
                                    + " alive after run() was interrupted: when waitFor() throws, destroy the process"
                                    + " and its descendants (in a finally block) before the exception leaves run()",
                                    ChildProcesses.alive(seen))
                            .isEmpty());
        } finally {
            ChildProcesses.killAll();
            caller.stop();
        }
    }

    @Test
    @Points(2)
    @DisplayName("with check, a non-zero exit throws ProcessFailedException carrying the exit code and stderr")
    void checkTurnsAFailedExitIntoAnException() {
        List<String> failing = List.of("sh", "-c", "echo partial; echo boom >&2; exit 3");

        var unchecked = run("the shell did not finish", failing, null, GENEROUS, false);
        rethrowIfNotImplemented(unchecked);
        assertThat(unchecked.thrown())
                .withFailMessage("without check, run() must return the exit code, but threw %s", unchecked.thrown())
                .isNull();
        assertThat(unchecked.value().exitCode()).as("exit code without check").isEqualTo(3);

        var checked = run("the shell did not finish", failing, null, GENEROUS, true);
        assertThat(checked.thrown())
                .withFailMessage("with check = true, exit code 3 was ignored (run() %s): throw"
                        + " ProcessFailedException when process.exitValue() != 0",
                        checked.thrown() == null ? "returned normally" : "threw " + checked.thrown())
                .isInstanceOf(ProcessFailedException.class);
        ProcessFailedException failure = (ProcessFailedException) checked.thrown();
        assertThat(failure.exitCode()).as("ProcessFailedException.exitCode()").isEqualTo(3);
        assertThat(failure.stderrText())
                .withFailMessage("ProcessFailedException must carry the captured stderr 'boom\\n', carried '%s'",
                        failure.stderrText())
                .isEqualTo("boom\n");
        String carriedOut = new String(failure.stdout() == null ? new byte[0] : failure.stdout(),
                StandardCharsets.UTF_8);
        assertThat(carriedOut)
                .withFailMessage("ProcessFailedException must carry the captured stdout 'partial\\n' too (both"
                        + " outputs, as Python's CalledProcessError does), carried '%s'", carriedOut.replace("\n", "\\n"))
                .isEqualTo("partial\n");

        var succeeding = run("true did not finish", List.of("true"), null, GENEROUS, true);
        assertThat(succeeding.thrown())
                .withFailMessage("with check = true, exit code 0 must not throw, but run() threw %s",
                        succeeding.thrown())
                .isNull();
    }
}
