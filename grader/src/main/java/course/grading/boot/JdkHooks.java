package course.grading.boot;

import java.net.InetAddress;
import java.net.SocketException;

/**
 * The checks that the grader's guards put at the start of JDK methods ({@code Runtime.exit} and
 * {@code halt}, {@code sun.nio.ch.Net.connect}). The bootstrap class loader loads this class (the
 * guards append it to its search path), so that {@code java.base} can call it: it may use only
 * the JDK, and it keeps no state of its own. Calling it directly is harmless: it only checks.
 */
public final class JdkHooks {
    /** Where a blocked connection is recorded, so that the test fails even if the code caught the exception. */
    public static final String NETWORK_VIOLATION = "grading.network.blocked";

    private JdkHooks() {
    }

    /**
     * At the start of {@code Runtime.exit} and {@code Runtime.halt}: throws if code of the course,
     * a class loaded from a folder (never from a jar, as the test runner is), is on the stack. Who
     * the caller is comes from the stack's classes and where they were loaded from, never from a
     * name the student can choose.
     */
    public static void exit(int status, String method) {
        StackWalker walker = StackWalker.getInstance(java.util.Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE,
                StackWalker.Option.SHOW_HIDDEN_FRAMES, StackWalker.Option.SHOW_REFLECT_FRAMES));
        StackWalker.StackFrame caller = walker.walk(frames -> frames.filter(JdkHooks::isCourseCode).findFirst()).orElse(null);
        if (caller != null) {
            String call = "exit".equals(method) ? "System.exit(" : "Runtime.halt(";
            throw new SecurityException(call + status + ") was called by " + caller.toStackTraceElement()
                    + ": your code tried to end the test JVM. Never end the JVM in a method:"
                    + " return a value or throw an exception instead.");
        }
    }

    private static boolean isCourseCode(StackWalker.StackFrame frame) {
        java.security.CodeSource source = frame.getDeclaringClass().getProtectionDomain().getCodeSource();
        String location = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
        return location.startsWith("file:") && location.endsWith("/");
    }

    /** At the start of {@code sun.nio.ch.Net.connect}: refuses any address but loopback and "any". */
    public static void connect(InetAddress address) throws SocketException {
        if (address != null && !address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
            String message = "no network beyond loopback during grading: a connection to " + address.getHostAddress()
                    + " was blocked. Tests use local servers on 127.0.0.1 only.";
            if (System.getProperty(NETWORK_VIOLATION) == null) {
                System.setProperty(NETWORK_VIOLATION, message);
            }
            throw new SocketException(message);
        }
    }
}
