package course.grading;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;

import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * Adds a few lines at the start of JDK methods, in the test JVM only, for the grader's guards.
 *
 * <p>It uses the instrumentation of Byte Buddy's agent, which the build attaches to every test JVM
 * with {@code -javaagent} (Mockito's inline mock maker uses the same one), and Byte Buddy's
 * {@link Advice}, which copies a static method's code into the start of the target methods.
 * Without that agent (a test run from an IDE) nothing is rewritten and the guards are absent.
 */
final class JdkRewriter {
    private JdkRewriter() {
    }

    /** Rewrites {@code type}; returns whether it worked. Failures are printed, never thrown. */
    static boolean rewrite(Class<?> type, Class<?> advice, ElementMatcher<? super MethodDescription> methods) {
        Instrumentation instrumentation = agentInstrumentation();
        if (instrumentation == null || !instrumentation.isRetransformClassesSupported()) {
            return false;
        }
        // The new class is built before the transformer is registered: building it loads
        // classes, and a transformer that builds while classes load runs into itself.
        byte[] rewritten;
        try (InputStream original = Object.class.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            rewritten = new ByteBuddy()
                    .with(Implementation.Context.Disabled.Factory.INSTANCE)
                    .redefine(TypeDescription.ForLoadedType.of(type),
                            ClassFileLocator.Simple.of(type.getName(), original.readAllBytes()))
                    .visit(Advice.to(advice).on(methods))
                    .make()
                    .getBytes();
        } catch (Exception | LinkageError e) {
            System.err.println("[grader] could not rewrite " + type.getName() + ": " + e);
            return false;
        }
        ClassFileTransformer transformer = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                    ProtectionDomain domain, byte[] classfile) {
                return redefined == type ? rewritten : null;
            }
        };
        instrumentation.addTransformer(transformer, true);
        try {
            instrumentation.retransformClasses(type);
            return true;
        } catch (Exception | LinkageError e) {
            System.err.println("[grader] could not rewrite " + type.getName() + ": " + e);
            return false;
        } finally {
            instrumentation.removeTransformer(transformer);
        }
    }

    private static Instrumentation agentInstrumentation() {
        try {
            return ByteBuddyAgent.getInstrumentation();
        } catch (IllegalStateException | LinkageError e) {
            return null; // not started with -javaagent
        }
    }
}
