package course.grading;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/**
 * Name resolution for test JVMs of the course: {@code localhost} and this machine's own name
 * resolve as usual, any other name fails at once with a message (no DNS query leaves the
 * machine), and the test that asked fails. Outside a course test JVM it changes nothing.
 * Registered through {@code META-INF/services/java.net.spi.InetAddressResolverProvider}.
 */
public final class LoopbackResolverProvider extends InetAddressResolverProvider {
    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        if (System.getProperty("grading.dir") == null) {
            return builtin;
        }
        return loopbackOnly(builtin, configuration.lookupLocalHostName());
    }

    /** Resolves local names with {@code builtin}; refuses every other name without asking it. */
    static InetAddressResolver loopbackOnly(InetAddressResolver builtin, String localName) {
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (host.equalsIgnoreCase("localhost") || host.equalsIgnoreCase(localName)
                        || host.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
                    return builtin.lookupByName(host, policy);
                }
                String message = "no network beyond loopback during grading: the name '" + host
                        + "' was not looked up. Tests use local servers on 127.0.0.1 only.";
                NetworkGuard.recordViolation(message);
                throw new UnknownHostException(message);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "course grading: loopback only";
    }
}
