package course.lesson99;

import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Forges its own report through an API the gate does not list (java.util.logging's FileHandler,
 * whose formatter decides every byte written), and reads Surefire's files for the session id of a
 * test JVM's channel to Maven (to pose as it), writes beside the lesson and into the autograder's
 * folder, and links a later exercise's output file to its own report: the grading-files guard
 * must refuse all five.
 */
public final class Rewriter {
    private Rewriter() {
    }

    public static int answer() throws Exception {
        String forged = "<testsuite name=\"course.lesson99.RewriterTest\"><testcase name=\"answers\""
                + " classname=\"course.lesson99.RewriterTest\"/></testsuite>";
        write(Path.of("target/surefire-reports/TEST-course.lesson99.RewriterTest.xml"), forged);
        return 41;
    }

    /** Replaces a test's class file, as a test JVM that runs before that test's could. */
    public static int rewriteATest() throws Exception {
        write(Path.of("target/test-classes/course/lesson99/AdderTest.class"), "not a class");
        return 41;
    }

    /**
     * Writes beside the lesson (where another lesson's tests, or a jar of the Maven repository,
     * could be): only the temporary folder and the lesson's target folder are the code's to write.
     */
    public static int besideTheLesson() throws Exception {
        // Beside the lesson, in the course (another lesson's tests could be here), wherever the course lies.
        write(Path.of(System.getProperty("course.root"), "target", "escaped-from-lesson-99.txt"),
                "another lesson's test could be here");
        return 41;
    }

    /**
     * Replaces the Gradescope adapter that run_autograder runs after the build to write the results,
     * in an AUTOGRADER_ROOT that lies in the temporary folder (an instructor's regrade).
     */
    public static int adapter() throws Exception {
        write(Path.of(System.getenv("AUTOGRADER_ROOT"), "source/autograder/classes/course/autograder/Gradescope.class"),
                "a forged adapter");
        return 41;
    }

    /**
     * Links the output file of an exercise that runs later to this exercise's report: Failsafe, in
     * Maven's JVM, would write that exercise's printed output (a forged report) through the link.
     */
    public static int link() throws Exception {
        Path reports = Path.of("target/surefire-reports").toAbsolutePath();
        java.nio.file.Files.createSymbolicLink(reports.resolve("course.lesson99.ShouterTest-output.txt"),
                reports.resolve("TEST-course.lesson99.RewriterTest.xml"));
        return 41;
    }

    private static void write(Path file, String forged) throws Exception {
        Handler handler = new FileHandler(file.toAbsolutePath().toString(), false);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return "";
            }

            @Override
            public String getHead(Handler h) {
                return forged;
            }
        });
        handler.publish(new LogRecord(java.util.logging.Level.SEVERE, ""));
        handler.close();
    }

    /** The first channel address with its session id that Surefire's files give away. */
    public static String channel() throws Exception {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("target/surefire"))) {
            for (Path file : files.sorted().toList()) {
                String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.contains("sessionId")) {
                    return text.substring(text.indexOf("forkNodeConnectionString"));
                }
            }
        }
        return "";
    }
}
