package course.grading;

import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Keeps the code under test from ending the test JVM.
 *
 * <p>A call to {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} with code of the
 * course on the stack throws a {@link SecurityException} that names the method and the caller,
 * so only the test that made the call fails. Code of the course is code loaded from a class
 * folder (the lesson's {@code target/classes} and {@code target/test-classes}); the test runner,
 * which ends the JVM when the tests are done, comes from jars. Who the caller is comes from the
 * stack's classes and where they were loaded from, never from a name the student can choose.
 * The security manager that once did this is gone from modern JDKs; instead {@code Runtime} is
 * rewritten (see {@link JdkRewriter}).
 */
public final class ExitGuard {
    private static volatile boolean installed;

    private ExitGuard() {
    }

    /** Installs the guard once per JVM; returns whether it is in place. */
    public static synchronized boolean install() {
        if (!installed) {
            installed = JdkRewriter.rewrite(Runtime.class, ExitAdvice.class,
                    named("exit").or(named("halt")).and(takesArguments(int.class)));
        }
        return installed;
    }

    /**
     * Inlined at the start of {@code Runtime.exit} and {@code Runtime.halt}. It runs inside a
     * bootstrap class, so it may use only the JDK: no lambdas, no course classes.
     */
    static final class ExitAdvice {
        private ExitAdvice() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.Origin("#m") String method, @Advice.Argument(0) int status) {
            StackWalker walker = StackWalker.getInstance(java.util.Set.of(
                    StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES,
                    StackWalker.Option.SHOW_REFLECT_FRAMES));
            // A JDK Consumer collects the frames: inlined advice cannot bring lambdas of its own.
            java.util.stream.Stream.Builder<StackWalker.StackFrame> collected = java.util.stream.Stream.builder();
            walker.forEach(collected);
            for (Object each : collected.build().toArray()) {
                StackWalker.StackFrame frame = (StackWalker.StackFrame) each;
                java.security.CodeSource source = frame.getDeclaringClass().getProtectionDomain().getCodeSource();
                String location = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
                if (location.startsWith("file:") && location.endsWith("/")) {
                    String call = "exit".equals(method) ? "System.exit(" : "Runtime.halt(";
                    throw new SecurityException(call.concat(String.valueOf(status)).concat(") was called by ")
                            .concat(frame.toStackTraceElement().toString())
                            .concat(": your code tried to end the test JVM. Never end the JVM in a method:"
                                    + " return a value or throw an exception instead."));
                }
            }
        }
    }
}
