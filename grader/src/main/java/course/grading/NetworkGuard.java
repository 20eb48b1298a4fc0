package course.grading;

import course.grading.boot.JdkHooks;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Keeps code under test on loopback: a TCP connection to any other address fails with a
 * {@link java.net.SocketException} that says why, and the test that made it fails even if the code
 * swallowed the exception (see {@link #takeViolation()}). Host names other than the local ones
 * do not resolve at all ({@link LoopbackResolverProvider}).
 *
 * <p>Every TCP connect of the JDK, from {@code Socket}, {@code SocketChannel} or
 * {@code HttpClient}, goes through {@code sun.nio.ch.Net.connect}, whose remote address is an
 * {@code InetAddress} argument; those methods are rewritten (see {@link JdkRewriter}) to pass it
 * to {@link JdkHooks#connect} first.
 */
public final class NetworkGuard {
    private static volatile int guardedConnects;

    private NetworkGuard() {
    }

    /** Installs the guard once per JVM; returns whether it is in place. */
    public static synchronized boolean install() {
        if (guardedConnects == 0) {
            try {
                guardedConnects = JdkRewriter.rewrite(Class.forName("sun.nio.ch.Net"), NetworkGuard::checkAddress);
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
        return guardedConnects > 0;
    }

    /** How many of the JDK's connect methods the guard checks (tests: at least the two that take an address). */
    static int guardedConnects() {
        return guardedConnects;
    }

    /** The prologue of a {@code connect} method: its {@code InetAddress} argument (the 2nd or 3rd) checked. */
    private static boolean checkAddress(String type, int access, String method, String descriptor, net.bytebuddy.jar.asm.MethodVisitor code) {
        if (!method.equals("connect")) {
            return false;
        }
        Type[] arguments = Type.getArgumentTypes(descriptor);
        int slot = (access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        boolean checked = false;
        for (int i = 0; i < arguments.length; i++) {
            if ((i == 1 || i == 2) && arguments[i].getDescriptor().equals("Ljava/net/InetAddress;")) {
                code.visitVarInsn(Opcodes.ALOAD, slot);
                code.visitMethodInsn(Opcodes.INVOKESTATIC, JdkRewriter.HOOKS, "connect", "(Ljava/net/InetAddress;)V", false);
                checked = true;
            }
            slot += arguments[i].getSize();
        }
        return checked;
    }

    /** Records a blocked attempt, so that the test fails even if the code caught the exception. */
    static void recordViolation(String message) {
        System.setProperty(JdkHooks.NETWORK_VIOLATION, message);
    }

    /** The first attempt to leave loopback since the last call, if any; clears it. */
    public static String takeViolation() {
        String violation = System.getProperty(JdkHooks.NETWORK_VIOLATION);
        if (violation != null) {
            System.clearProperty(JdkHooks.NETWORK_VIOLATION);
        }
        return violation;
    }
}
