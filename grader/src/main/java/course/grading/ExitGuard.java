package course.grading;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.implementation.Implementation;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Keeps student code from ending the test JVM.
 *
 * <p>A call to {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} from anything but
 * the test runner itself throws a {@link SecurityException} that names the caller, so only the
 * test that made the call fails, and the rest of the lesson is still graded. The security
 * manager that once did this is gone from modern JDKs; instead the JVM's {@code Runtime} class is
 * rewritten through the instrumentation of the Java agent that the build already attaches to
 * every test JVM (Mockito's). Without that agent (an IDE run) nothing is installed.
 *
 * <p>Active only in test JVMs started by the course build (system property {@code grading.session}).
 */
public final class ExitGuard implements LauncherSessionListener {
    private static volatile boolean installed;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("grading.session") != null) {
            install();
        }
    }

    /** Installs the guard once per JVM; returns whether it is in place. */
    public static synchronized boolean install() {
        if (installed) {
            return true;
        }
        Instrumentation instrumentation = agentInstrumentation();
        if (instrumentation == null || !instrumentation.isRetransformClassesSupported()) {
            return false;
        }
        // The new Runtime is built before the transformer is registered: building it loads
        // classes, and a transformer that builds while classes load runs into itself.
        byte[] guarded;
        try (var original = Object.class.getResourceAsStream("/java/lang/Runtime.class")) {
            guarded = guardedRuntime(original.readAllBytes());
        } catch (Exception | LinkageError e) {
            System.err.println("[grader] could not guard System.exit: " + e);
            return false;
        }
        ClassFileTransformer transformer = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                    ProtectionDomain domain, byte[] classfile) {
                return redefined == Runtime.class ? guarded : null;
            }
        };
        instrumentation.addTransformer(transformer, true);
        try {
            instrumentation.retransformClasses(Runtime.class);
            installed = true;
        } catch (Exception | LinkageError e) {
            System.err.println("[grader] could not guard System.exit: " + e);
        } finally {
            instrumentation.removeTransformer(transformer);
        }
        return installed;
    }

    private static Instrumentation agentInstrumentation() {
        try {
            Class<?> agent = Class.forName("org.mockito.internal.PremainAttach");
            return (Instrumentation) agent.getMethod("getInstrumentation").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static byte[] guardedRuntime(byte[] classfile) {
        return new ByteBuddy()
                .with(Implementation.Context.Disabled.Factory.INSTANCE)
                .redefine(TypeDescription.ForLoadedType.of(Runtime.class),
                        ClassFileLocator.Simple.of(Runtime.class.getName(), classfile))
                .visit(Advice.to(ExitAdvice.class)
                        .on(named("exit").or(named("halt")).and(takesArguments(int.class))))
                .make()
                .getBytes();
    }

    /**
     * Inlined at the start of {@code Runtime.exit} and {@code Runtime.halt}. It runs inside a
     * bootstrap class, so it may use only the JDK: no lambdas, no course classes.
     */
    static final class ExitAdvice {
        private ExitAdvice() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) int status) {
            StackTraceElement[] stack = new Throwable().getStackTrace();
            for (StackTraceElement frame : stack) {
                String cls = frame.getClassName();
                if (cls.equals("java.lang.Runtime") || cls.equals("java.lang.System") || cls.equals("java.lang.Shutdown")
                        || cls.startsWith("java.lang.reflect.") || cls.startsWith("jdk.internal.reflect.")
                        || cls.startsWith("java.lang.invoke.")) {
                    continue;
                }
                if (cls.startsWith("org.apache.maven.surefire.") || cls.startsWith("org.junit.platform.console.")) {
                    return;
                }
                throw new SecurityException("System.exit(".concat(String.valueOf(status))
                        .concat(") was called by ").concat(frame.toString())
                        .concat(": your code tried to end the test JVM. Never call System.exit in a method:"
                                + " return a value or throw an exception instead."));
            }
        }
    }
}
