package course.grading;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the grader's guards when a test JVM of the course starts its tests: no
 * {@code System.exit} ({@link ExitGuard}), no network beyond loopback ({@link NetworkGuard}), no
 * writes into the grading files ({@link GradingFilesGuard}), no process that runs anything but
 * what a test gave or a guarded child JVM ({@link ProcessGuard}), no {@code equals} of the
 * student's that says yes to what is not of its type ({@link EqualsGuard}).
 * Active only in test JVMs started by the course build (system property {@code grading.dir}),
 * never in the Maven JVM or an IDE. A guard that cannot be installed stops the tests loudly:
 * grading never goes on without it.
 */
public final class GradingSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("grading.dir") == null) {
            return;
        }
        if (!ExitGuard.install() || !NetworkGuard.install() || !GradingFilesGuard.install()
                || !ProcessGuard.install() || !EqualsGuard.install()) {
            throw new IllegalStateException("grading: the exit, network, grading-files, process and equals guards could not be installed"
                    + " (is Byte Buddy's agent attached with -javaagent?); no test runs without them");
        }
    }
}
