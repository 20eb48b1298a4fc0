package course.lesson03;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an external program to completion, the way Python's {@code subprocess.run} does: an
 * argument list, bytes on standard input, both outputs captured, an optional time limit and an
 * optional exit-code check.
 *
 * <p>The command is passed to the operating system as a list, one element per argument, with no
 * shell in between: spaces, quotes, {@code $} and {@code *} reach the program unchanged.
 *
 * <p>Standard output and standard error are each drained by a thread of their own while the
 * process runs, and the input is written by a third thread and then closed. An OS pipe holds only
 * some 64 KiB; reading after {@code waitFor()}, or reading one stream to its end before the other,
 * or writing all input before reading any output, lets a chatty child fill a pipe and block
 * forever. All three threads have ended when this method returns or throws.
 *
 * <p>When the time limit runs out, the process and every descendant are destroyed (descendants
 * are collected first and destroyed deepest first; a grandchild that survives would keep the
 * pipes open), and {@link ProcessTimeoutException} is thrown with whatever output was captured.
 *
 * <p>Sample usage:
 * <pre>{@code
 * Completed sorted = ProcessRunner.run(List.of("sort"), "b\na\n".getBytes(UTF_8),
 *         Duration.ofSeconds(5), true);
 * sorted.stdoutText();   // "a\nb\n"
 *
 * try {
 *     ProcessRunner.run(List.of("sh", "-c", "echo boom >&2; exit 3"), null, Duration.ofSeconds(5), true);
 * } catch (ProcessFailedException e) {
 *     e.exitCode();      // 3
 *     e.stderrText();    // "boom\n"
 * }
 * }</pre>
 *
 * <p>Memory consistency effects: the bytes collected by the reader threads happen-before the
 * return of {@code run}, because {@code run} joins those threads before it reads their results.
 */
public final class ProcessRunner {
    private ProcessRunner() {
    }

    /**
     * Runs {@code command}, feeds it {@code input}, captures its output, and waits at most
     * {@code timeout}.
     *
     * @param command the program and its arguments, one list element each
     * @param input   bytes for the child's standard input; {@code null} for none (stdin closed at once)
     * @param timeout the longest the child may run; {@code null} for no limit
     * @param check   whether a non-zero exit code throws {@link ProcessFailedException}
     * @return the exit code and both outputs
     * @throws ProcessTimeoutException if the timeout ran out (the process tree has been killed)
     * @throws ProcessFailedException  if {@code check} and the exit code is not 0
     * @throws IOException             if the program cannot be started
     * @throws InterruptedException    if interrupted while waiting (the process tree is killed)
     */
    public static Completed run(List<String> command, byte[] input, Duration timeout, boolean check)
            throws IOException, InterruptedException, ProcessTimeoutException, ProcessFailedException {
        Process process = new ProcessBuilder(command).start();
        Pump stdout = Pump.reading(process.getInputStream(), "stdout-reader");
        Pump stderr = Pump.reading(process.getErrorStream(), "stderr-reader");
        Pump stdin = Pump.writing(process.getOutputStream(), input, "stdin-writer");
        boolean finished = false;
        try {
            if (timeout == null) {
                process.waitFor();
                finished = true;
            } else {
                finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        } finally {
            if (!finished) {
                // Timed out or interrupted: no process of the tree may survive us.
                destroyTree(process);
            }
            // Joining is safe now: the tree is gone, so every pipe reaches end-of-file.
            stdin.join();
            stdout.join();
            stderr.join();
        }
        if (!finished) {
            throw new ProcessTimeoutException(command, timeout, stdout.bytes(), stderr.bytes());
        }
        int exitCode = process.exitValue();
        if (check && exitCode != 0) {
            throw new ProcessFailedException(command, exitCode, stdout.bytes(), stderr.bytes());
        }
        return new Completed(command, exitCode, stdout.bytes(), stderr.bytes());
    }

    /**
     * Destroys {@code process} and all its descendants, deepest first, and waits for them to exit.
     * Descendants are collected before anything is destroyed: once a parent dies, its children
     * are re-parented and no longer show up among its descendants.
     */
    private static void destroyTree(Process process) {
        List<ProcessHandle> tree = process.descendants()
                .sorted(Comparator.comparingInt(ProcessRunner::depth).reversed())
                .toList();
        for (ProcessHandle handle : tree) {
            handle.destroyForcibly();
        }
        process.destroyForcibly();
        for (ProcessHandle handle : tree) {
            handle.onExit().join();
        }
        process.onExit().join();
    }

    private static int depth(ProcessHandle handle) {
        int depth = 0;
        for (var parent = handle.parent(); parent.isPresent(); parent = parent.get().parent()) {
            depth++;
        }
        return depth;
    }

    /** A thread that moves the bytes of one stream, and what it read. */
    private static final class Pump {
        private final AtomicReference<byte[]> result = new AtomicReference<>(new byte[0]);
        private Thread thread;

        static Pump reading(InputStream in, String name) {
            Pump pump = new Pump();
            pump.thread = Thread.ofPlatform().name(name).daemon().start(() -> {
                try (in) {
                    pump.result.set(in.readAllBytes());
                } catch (IOException e) {
                    // The stream broke (process destroyed): keep what we have, which is nothing.
                }
            });
            return pump;
        }

        static Pump writing(OutputStream out, byte[] input, String name) {
            Pump pump = new Pump();
            pump.thread = Thread.ofPlatform().name(name).daemon().start(() -> {
                try (out) {
                    if (input != null) {
                        out.write(input);
                    }
                } catch (IOException e) {
                    // The child stopped reading (exited or was killed): not our error to report.
                }
            });
            return pump;
        }

        byte[] bytes() {
            return result.get();
        }

        void join() throws InterruptedException {
            thread.join();
        }
    }
}
