package course.lesson03;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Exercise 3 · Run an external program safely: Java's {@code subprocess.run}.
 *
 * <p>{@code subprocess.run(args, input=…, capture_output=True, timeout=…, check=…)} hides four
 * traps that {@link ProcessBuilder} leaves to you:
 * <ol>
 *   <li><b>Arguments are a list.</b> Give {@code command} to {@code new ProcessBuilder(command)} as
 *       it is. Never glue it into one string for a shell ({@code sh -c}) or for
 *       {@code Runtime.exec(String)}: spaces, {@code $} and {@code *} would be reinterpreted.</li>
 *   <li><b>Pipes are small.</b> The OS buffers some 64 KiB per pipe. A child that writes more
 *       than that blocks until someone reads. So read stdout <em>and</em> stderr while the child
 *       runs, each on its own thread, and write {@code input} to stdin while they are being
 *       read, then close stdin so the child sees end-of-file ({@code null} input: close it at
 *       once).</li>
 *   <li><b>Time is limited.</b> When {@code timeout} runs out, kill the process <em>and its
 *       descendants</em> ({@link ProcessHandle#descendants()}; a grandchild keeps the pipes
 *       open), then throw {@link ProcessTimeoutException}.</li>
 *   <li><b>Exit codes matter.</b> With {@code check}, a non-zero exit code becomes a
 *       {@link ProcessFailedException} carrying the code and the captured stderr.</li>
 * </ol>
 * Every thread you start must have finished when {@code run} returns or throws.
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
        throw new UnsupportedOperationException(
                "not implemented yet: start the command, pump stdin/stdout/stderr on threads, wait with the timeout, check the exit code");
    }
}
