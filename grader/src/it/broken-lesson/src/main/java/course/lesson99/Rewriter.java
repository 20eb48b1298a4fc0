package course.lesson99;

import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Forges its own report through an API the gate does not list (java.util.logging's FileHandler,
 * whose formatter decides every byte written): the grading-files guard must refuse the write.
 */
public final class Rewriter {
    private Rewriter() {
    }

    public static int answer() throws Exception {
        String forged = "<testsuite name=\"course.lesson99.RewriterTest\"><testcase name=\"answers\""
                + " classname=\"course.lesson99.RewriterTest\"/></testsuite>";
        Handler handler = new FileHandler(Path.of("target/surefire-reports/TEST-course.lesson99.RewriterTest.xml")
                .toAbsolutePath().toString(), false);
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
        return 41;
    }
}
