package course.grading;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.net.InetAddress;
import java.net.SocketException;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

/**
 * Keeps code under test on loopback: a TCP connection to any other address fails with a
 * {@link SocketException} that says why, and the test that made it fails even if the code
 * swallowed the exception (see {@link #takeViolation()}). Host names other than the local ones
 * do not resolve at all ({@link LoopbackResolverProvider}).
 *
 * <p>Every TCP connect of the JDK, from {@code Socket}, {@code SocketChannel} or
 * {@code HttpClient}, goes through {@code sun.nio.ch.Net.connect}; that is the method rewritten
 * (see {@link JdkRewriter}).
 */
public final class NetworkGuard {
    static final String VIOLATION = "grading.network.blocked";
    /** The connect methods of {@code sun.nio.ch.Net}: they take the remote address. */
    static final ElementMatcher<MethodDescription> CONNECTS = named("connect")
            .and(takesArgument(1, InetAddress.class).or(takesArgument(2, InetAddress.class)));
    private static volatile boolean installed;

    private NetworkGuard() {
    }

    /** Installs the guard once per JVM; returns whether it is in place. */
    public static synchronized boolean install() {
        if (!installed) {
            try {
                installed = JdkRewriter.rewrite(Class.forName("sun.nio.ch.Net"), ConnectAdvice.class, CONNECTS);
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
        return installed;
    }

    /** Records a blocked attempt, so that the test fails even if the code caught the exception. */
    static void recordViolation(String message) {
        System.setProperty(VIOLATION, message);
    }

    /** The first attempt to leave loopback since the last call, if any; clears it. */
    public static String takeViolation() {
        String violation = System.getProperty(VIOLATION);
        if (violation != null) {
            System.clearProperty(VIOLATION);
        }
        return violation;
    }

    /** Inlined into {@code sun.nio.ch.Net.connect}: JDK classes only, no lambdas. */
    static final class ConnectAdvice {
        private ConnectAdvice() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.AllArguments Object[] arguments) throws SocketException {
            for (Object argument : arguments) {
                if (argument instanceof InetAddress address && !address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
                    String message = "no network beyond loopback during grading: a connection to "
                            .concat(address.getHostAddress())
                            .concat(" was blocked. Tests use local servers on 127.0.0.1 only.");
                    if (System.getProperty("grading.network.blocked") == null) {
                        System.setProperty("grading.network.blocked", message);
                    }
                    throw new SocketException(message);
                }
            }
        }
    }
}
