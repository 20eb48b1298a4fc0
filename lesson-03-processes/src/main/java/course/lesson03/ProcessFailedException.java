package course.lesson03;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Thrown by {@link ProcessRunner#run} with {@code check = true} when the process exits with a
 * non-zero code: Java's {@code subprocess.CalledProcessError}. Carries the exit code and both
 * outputs, so the caller can say what went wrong.
 */
public class ProcessFailedException extends Exception {
    private final List<String> command;
    private final int exitCode;
    private final byte[] stdout;
    private final byte[] stderr;

    public ProcessFailedException(List<String> command, int exitCode, byte[] stdout, byte[] stderr) {
        super("command " + command + " exited with code " + exitCode
                + (stderr == null || stderr.length == 0 ? "" : ": " + firstLine(stderr)));
        this.command = List.copyOf(command);
        this.exitCode = exitCode;
        this.stdout = stdout == null ? new byte[0] : stdout;
        this.stderr = stderr == null ? new byte[0] : stderr;
    }

    private static String firstLine(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    public List<String> command() {
        return command;
    }

    public int exitCode() {
        return exitCode;
    }

    public byte[] stdout() {
        return stdout;
    }

    public byte[] stderr() {
        return stderr;
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
