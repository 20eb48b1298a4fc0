package course.grading;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the grader's guards when a test JVM of the course starts its tests: no
 * {@code System.exit} ({@link ExitGuard}), no network beyond loopback ({@link NetworkGuard}).
 * Active only in test JVMs started by the course build (system property {@code grading.session}),
 * never in the Maven JVM or an IDE.
 */
public final class GradingSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("grading.session") != null) {
            ExitGuard.install();
            NetworkGuard.install();
        }
    }
}
