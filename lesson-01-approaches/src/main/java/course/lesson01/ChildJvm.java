package course.lesson01;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line that starts another JVM running a {@code main} class of this course,
 * with the same {@code java} executable and class path as the current JVM.
 *
 * <pre>{@code
 * Process child = new ProcessBuilder(ChildJvm.command(WhoAmI.class)).start();
 * }</pre>
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * The command, as a list of arguments (no shell involved).
     *
     * @param mainClass the class whose {@code main} the child runs
     * @param args      arguments for that {@code main}
     * @return {@code [<java>, <a few start-up options>, -cp, <class path>, <main class>, args...]}
     */
    public static List<String> command(Class<?> mainClass, String... args) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = new ArrayList<>(List.of(
                java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classPath(mainClass), mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * This JVM's class path, preceded by the folder or jar {@code mainClass} was loaded from (under
     * {@code mvn exec:java} the JVM's own class path is Maven's, not the course's).
     */
    private static String classPath(Class<?> mainClass) {
        String own = System.getProperty("java.class.path");
        try {
            var source = mainClass.getProtectionDomain().getCodeSource();
            if (source != null) {
                return Path.of(source.getLocation().toURI()) + File.pathSeparator + own;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the JVM's class path
        }
        return own;
    }
}
