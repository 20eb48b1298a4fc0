package course.grading;

import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Notes, inside the test JVM, which test is running, in {@code target/grading/running/<class>}.
 * If the JVM dies, the report words its message with it ("the test JVM died while running …").
 * Only words: the verdict comes from what the build recorded, never from this file.
 */
public final class RunningTest implements TestExecutionListener {
    @Override
    public void executionStarted(TestIdentifier id) {
        String dir = System.getProperty("grading.dir");
        if (dir == null || !(id.getSource().orElse(null) instanceof MethodSource method)) {
            return;
        }
        String className = method.getClassName();
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        try {
            Path file = Path.of(dir, "running", topLevel);
            Files.createDirectories(file.getParent());
            Files.writeString(file, id.getDisplayName(), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            // only a hint for a message: grading goes on without it (the grading-files guard may refuse it
            // where the grader is not the tests' own code, as in the grader's own tests)
        }
    }
}
