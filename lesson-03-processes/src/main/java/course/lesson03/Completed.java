package course.lesson03;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The result of {@link ProcessRunner#run}: Java's {@code subprocess.CompletedProcess}.
 *
 * @param command  the argument list that was run
 * @param exitCode the process's exit code (0 means success by convention)
 * @param stdout   everything the process wrote to its standard output
 * @param stderr   everything the process wrote to its standard error
 */
public record Completed(List<String> command, int exitCode, byte[] stdout, byte[] stderr) {
    public Completed {
        command = List.copyOf(command);
    }

    /** Standard output decoded as UTF-8. */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard error decoded as UTF-8. */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Completed[command=" + command + ", exitCode=" + exitCode + ", stdout=" + stdout.length
                + " bytes, stderr=" + stderr.length + " bytes]";
    }
}
