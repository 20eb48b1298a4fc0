package course.lesson03;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Thrown by {@link ProcessRunner#run} when the process did not finish in time: Java's
 * {@code subprocess.TimeoutExpired}. By the time it is thrown, the process and all its
 * descendants have been killed.
 */
public class ProcessTimeoutException extends Exception {
    private final List<String> command;
    private final Duration timeout;
    private final byte[] stdout;
    private final byte[] stderr;

    /**
     * @param command the argument list that was run
     * @param timeout the time limit that ran out
     * @param stdout  the standard output captured before the process was killed
     * @param stderr  the standard error captured before the process was killed
     */
    public ProcessTimeoutException(List<String> command, Duration timeout, byte[] stdout, byte[] stderr) {
        super("command " + command + " timed out after " + timeout.toMillis()
                + " ms; the process and its descendants were killed");
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.stdout = stdout == null ? new byte[0] : stdout;
        this.stderr = stderr == null ? new byte[0] : stderr;
    }

    public List<String> command() {
        return command;
    }

    public Duration timeout() {
        return timeout;
    }

    /** What the process had written to standard output before it was killed. */
    public byte[] stdout() {
        return stdout;
    }

    /** What the process had written to standard error before it was killed. */
    public byte[] stderr() {
        return stderr;
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
