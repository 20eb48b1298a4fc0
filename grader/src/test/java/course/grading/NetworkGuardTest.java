package course.grading;

import course.grading.boot.JdkHooks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The network guard, checked without sending a single packet beyond loopback: the blocking logic
 * is called directly with a public address, the resolver with a resolver that must not be asked.
 */
class NetworkGuardTest {
    private static final byte[] PUBLIC_ADDRESS = {93, (byte) 184, (byte) 216, 34};

    @Test
    @DisplayName("connections on loopback still work once the guard is installed")
    void loopbackWorks() throws IOException {
        assertThat(NetworkGuard.install()).as("the guard needs Byte Buddy's agent, which the build attaches").isTrue();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5000);
            assertThat(client.isConnected()).isTrue();
        }
        assertThat(NetworkGuard.takeViolation()).isNull();
    }

    @Test
    @DisplayName("the guard finds the JDK's connect methods, through which every TCP connection goes")
    void guardMatchesTheConnectMethods() {
        assertThat(NetworkGuard.install()).isTrue();
        assertThat(NetworkGuard.guardedConnects()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("once installed, a socket's connect beyond loopback fails in the JDK before any packet is sent")
    void rewrittenConnectIsGuarded() throws IOException {
        assertThat(NetworkGuard.install()).isTrue();
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(InetAddress.getByAddress(PUBLIC_ADDRESS), 9), 2000))
                    .isInstanceOf(SocketException.class)
                    .hasMessageStartingWith("no network beyond loopback during grading: a connection to 93.184.216.34");
        }
        assertThat(NetworkGuard.takeViolation()).startsWith("no network beyond loopback");
    }

    @Test
    @DisplayName("a connection beyond loopback is refused with a message that says why")
    void otherAddressesAreBlocked() throws UnknownHostException {
        InetAddress remote = InetAddress.getByAddress(PUBLIC_ADDRESS);

        assertThatThrownBy(() -> JdkHooks.connect(remote))
                .isInstanceOf(SocketException.class)
                .hasMessage("no network beyond loopback during grading: a connection to 93.184.216.34 was blocked."
                        + " Tests use local servers on 127.0.0.1 only.");
        assertThat(NetworkGuard.takeViolation()).startsWith("no network beyond loopback");
        assertThat(NetworkGuard.takeViolation()).as("taken once").isNull();
    }

    @Test
    @DisplayName("only local names resolve; others fail without asking DNS")
    void onlyLocalNamesResolve() throws UnknownHostException {
        InetAddressResolver mustNotBeAsked = new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (!host.equals("localhost")) {
                    throw new AssertionError("the real resolver was asked for " + host);
                }
                return Stream.of(InetAddress.getLoopbackAddress());
            }

            @Override
            public String lookupByAddress(byte[] address) {
                throw new AssertionError("not expected");
            }
        };
        InetAddressResolver resolver = LoopbackResolverProvider.loopbackOnly(mustNotBeAsked, "grading-host");
        var policy = InetAddressResolver.LookupPolicy.of(InetAddressResolver.LookupPolicy.IPV4);

        assertThat(resolver.lookupByName("localhost", policy)).containsExactly(InetAddress.getLoopbackAddress());
        assertThatThrownBy(() -> resolver.lookupByName("example.com", policy))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("the name 'example.com' was not looked up");
        assertThat(NetworkGuard.takeViolation()).contains("example.com");
    }

    @Test
    @DisplayName("a test whose code swallowed the blocked connection still fails, with the reason")
    void swallowedViolationFailsTheTest() {
        var failed = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(SwallowsBlockedConnection.class))
                .execute().testEvents().failed().list();

        assertThat(failed).hasSize(1);
        Throwable failure = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("no network beyond loopback during grading: a connection to 93.184.216.34 was blocked");
    }

    static class SwallowsBlockedConnection {
        @Test
        void test() throws UnknownHostException {
            try {
                JdkHooks.connect(InetAddress.getByAddress(PUBLIC_ADDRESS));
            } catch (SocketException ignored) {
                // what careless code does
            }
        }
    }
}
