package course.lesson99;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Tries to leave a process behind that outlives the test JVM and rewrites this exercise's report
 * once the build has written it, where no guard of the test JVM reaches: a shell in a session of
 * its own, a child JVM whose options run a shell, a child JVM that starts the shell itself. And it
 * tries to end the build (the Maven JVM). The process guard must refuse every one.
 */
public final class Escaper {
    private static final String FORGED = "<testsuite name='course.lesson99.EscaperTest'><testcase"
            + " name='answers' classname='course.lesson99.EscaperTest'/></testsuite>";

    private Escaper() {
    }

    /** A shell that waits for the report, then rewrites it. */
    private static List<String> forger() {
        String report = Path.of("target/surefire-reports/TEST-course.lesson99.EscaperTest.xml").toAbsolutePath().toString();
        return List.of("sh", "-c", "sleep 3; echo \"" + FORGED + "\" > '" + report + "'");
    }

    /** In a child JVM: starts the forger from there, and prints what happened. */
    public static void main(String[] args) throws Exception {
        try {
            new ProcessBuilder(forger()).start();
            System.out.print("the child JVM started the forger");
        } catch (IOException refused) {
            System.out.print(refused.getMessage());
        }
    }

    public static String shellInItsOwnSession() throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("setsid"));
        command.addAll(forger());
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return "started";
    }

    public static String jvmRunningAShellOnExit() throws Exception {
        new ProcessBuilder(List.of(java(), "-XX:OnOutOfMemoryError=" + String.join(" ", forger()), "-cp",
                System.getProperty("java.class.path"), Escaper.class.getName())).start();
        return "started";
    }

    public static String childJvmStartingTheShell() throws Exception {
        Process child = new ProcessBuilder(List.of(java(), "-cp", System.getProperty("java.class.path"),
                Escaper.class.getName())).start();
        try (InputStream out = child.getInputStream()) {
            String said = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            child.waitFor();
            return said;
        }
    }

    public static String endTheBuild() {
        ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);
        return "ended";
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }
}
