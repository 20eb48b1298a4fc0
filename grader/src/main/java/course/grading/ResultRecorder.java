package course.grading;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes, inside each test JVM, what happens to every test, one line per event, flushed at once:
 * if the JVM dies, the report still knows which tests finished, which one was running, and which
 * never started. The grading report reads these files after the tests.
 *
 * <p>Active only in test JVMs started by the course build (system properties {@code grading.dir}
 * and {@code grading.session}); registered through {@code META-INF/services}.
 */
public final class ResultRecorder implements TestExecutionListener {
    private final Writer out;

    public ResultRecorder() {
        this.out = open();
    }

    private static Writer open() {
        String dir = System.getProperty("grading.dir");
        String session = System.getProperty("grading.session");
        if (dir == null || session == null) {
            return null;
        }
        try {
            Path folder = Path.of(dir, "sessions", session);
            Files.createDirectories(folder);
            Path file = folder.resolve(ProcessHandle.current().pid() + "-" + System.nanoTime() + ".events");
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("grading: cannot write test events", e);
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (id.getSource().filter(MethodSource.class::isInstance).isPresent()) {
                    write(Events.planned(id.getUniqueId()));
                }
            }
        }
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier id) {
        write(Events.dynamic(id.getUniqueId(), id.getParentId().orElse(""), id.getDisplayName()));
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.getSource().filter(MethodSource.class::isInstance).isPresent()) {
            write(Events.started(id.getUniqueId()));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        write(Events.finished(id.getUniqueId(), Outcome.SKIPPED, "skipped: " + reason));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.getSource().filter(MethodSource.class::isInstance).isEmpty()
                && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return;
        }
        Throwable failure = result.getThrowable().orElse(null);
        Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> Outcome.PASSED;
            case ABORTED -> Outcome.SKIPPED;
            case FAILED -> failure == null ? Outcome.ERROR : Outcome.of(failure);
        };
        write(Events.finished(id.getUniqueId(), outcome, failure == null ? "" : Failures.describe(failure)));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing left to lose: every line was flushed when written
            }
        }
    }

    private synchronized void write(String line) {
        if (out == null) {
            return;
        }
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("grading: cannot write test events", e);
        }
    }
}
