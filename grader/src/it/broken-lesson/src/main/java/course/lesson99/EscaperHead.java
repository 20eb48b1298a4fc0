package course.lesson99;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of a child JVM that Escaper names only as text, so no test reaches it: it turns
 * the child's file guard off by reflection, outlives the test JVM and rewrites its report. The
 * gate refuses it (reflection) and must remove its file anyway; the process guard then refuses a
 * main class the lesson does not have.
 */
public final class EscaperHead {
    private EscaperHead() {
    }

    public static void main(String[] args) throws Exception {
        java.lang.reflect.Field writable = Class.forName("course.grading.boot.JdkHooks", false, null).getDeclaredField("writable");
        writable.setAccessible(true);
        writable.set(null, null);
        Thread.sleep(3000);
        Files.writeString(Path.of(args[0], "target/surefire-reports/TEST-course.lesson99.EscaperTest.xml"),
                "<testsuite name='course.lesson99.EscaperTest'/>");
    }
}
