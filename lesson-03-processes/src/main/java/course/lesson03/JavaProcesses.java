package course.lesson03;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the command line that starts another JVM running one of this lesson's {@code main}
 * classes: the closest thing Java has to the lecture's {@code os.fork()}.
 *
 * <p>A JVM cannot copy itself the way {@code fork()} copies a C or Python process. What it can do
 * is start a brand-new JVM, with the same {@code java} executable and the same classpath, and tell
 * it which class to run. The new process shares nothing with this one except what you pass it:
 * arguments, environment variables, and its three standard streams.
 *
 * <pre>{@code
 * Process child = new ProcessBuilder(JavaProcesses.command(PrimeWorker.class, "0", "1000"))
 *         .start();
 * }</pre>
 *
 * <p>Support code: you use it, you do not edit it.
 */
public final class JavaProcesses {
    /** Small, fast-starting child JVMs: they do little work and must start quickly. */
    private static final List<String> JVM_FLAGS = List.of(
            "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m");

    private JavaProcesses() {
    }

    /**
     * The {@code java} executable of this JVM (what {@code ProcessHandle.current().info().command()}
     * reports, or {@code java.home/bin/java} where the OS does not say).
     */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * This JVM's classpath, plus the folder or jar {@code mainClass} was loaded from if it is not
     * on it (under {@code mvn exec:java} the JVM's own classpath is Maven's, not the lesson's).
     */
    public static String classpath(Class<?> mainClass) {
        String own = System.getProperty("java.class.path", "");
        try {
            var source = mainClass.getProtectionDomain().getCodeSource();
            if (source != null) {
                String location = Path.of(source.getLocation().toURI()).toString();
                if (own.isEmpty()) {
                    return location;
                }
                return List.of(own.split(File.pathSeparator)).contains(location)
                        ? own : own + File.pathSeparator + location;
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException ignored) {
            // fall back to this JVM's classpath alone
        }
        return own;
    }

    /**
     * The argument list {@code [java, flags…, -cp, classpath, mainClass, args…]}: pass it to
     * {@link ProcessBuilder#ProcessBuilder(List)}.
     */
    public static List<String> command(Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(classpath(mainClass));
        command.add(mainClass.getName());
        command.addAll(Arrays.asList(args));
        return command;
    }
}
