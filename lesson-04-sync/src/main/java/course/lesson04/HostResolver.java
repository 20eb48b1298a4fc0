package course.lesson04;

import java.net.UnknownHostException;

/**
 * Looks a host name up, like {@code socket.getaddrinfo} in the lecture. Tests and demos pass in
 * fakes; nothing in this lesson talks to a real DNS server.
 */
@FunctionalInterface
public interface HostResolver {
    /**
     * The address of {@code host}.
     *
     * @throws UnknownHostException if no such host exists (the name is free)
     */
    String resolve(String host) throws UnknownHostException;
}
