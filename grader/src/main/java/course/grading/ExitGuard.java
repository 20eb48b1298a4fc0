package course.grading;

import net.bytebuddy.jar.asm.Opcodes;

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
 * rewritten (see {@link JdkRewriter}) to call {@link course.grading.boot.JdkHooks#exit} first.
 */
public final class ExitGuard {
    private static volatile boolean installed;

    private ExitGuard() {
    }

    /** Installs the guard once per JVM; returns whether it is in place. */
    public static synchronized boolean install() {
        if (!installed) {
            installed = JdkRewriter.rewrite(Runtime.class, (type, access, method, descriptor, code) -> {
                if (!(method.equals("exit") || method.equals("halt")) || !descriptor.equals("(I)V")) {
                    return false;
                }
                code.visitVarInsn(Opcodes.ILOAD, 1);
                code.visitLdcInsn(method);
                code.visitMethodInsn(Opcodes.INVOKESTATIC, JdkRewriter.HOOKS, "exit", "(ILjava/lang/String;)V", false);
                return true;
            }) == 2;
        }
        return installed;
    }
}
