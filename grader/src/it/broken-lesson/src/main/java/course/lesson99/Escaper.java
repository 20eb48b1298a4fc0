package course.lesson99;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Tries to leave a process behind that outlives the test JVM and rewrites this exercise's report
 * once the build has written it, where no guard of the test JVM reaches: a shell in a session of
 * its own, a child JVM whose options run a shell, a child JVM that starts the shell itself, a child
 * JVM whose main class no test names (EscaperHead: the gate refuses it, and must remove it although
 * no test reaches it), a child JVM that runs the grader's own report (a main class of the tests'
 * folder, whose frames may write results.json) on reports of its choosing. And it tries to end the
 * build (the Maven JVM). The process guard must refuse every one.
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

    /** A child JVM whose main class only this text names: once it ran, with the guards turned off by reflection. */
    public static String childJvmOfAClassNoTestNames() throws Exception {
        return childJvm("course.lesson99.EscaperHead", System.getProperty("user.dir"));
    }

    /** The grader's report in a child JVM, on forged reports (a folder of them would do; none is needed to be refused). */
    public static String childJvmRunningTheGradersReport() throws Exception {
        Path lesson = Path.of(System.getProperty("user.dir"));
        return childJvm("course.grading.report.GradingReport", "--step=report", "--mode=grade", "--module=lesson-99-broken",
                "--basedir=" + lesson, "--root=" + System.getProperty("course.root"), "--dir=" + lesson.resolve("target/grading"),
                "--reports=" + System.getProperty("java.io.tmpdir"), "--classes=" + lesson.resolve("target/classes"),
                "--test-classes=" + lesson.resolve("target/test-classes"));
    }

    private static String childJvm(String main, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return "started";
    }

    public static String endTheBuild() {
        ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);
        return "ended";
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }
}
