package course.lesson99;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;

/** Sends a UDP packet to a host beyond loopback. */
public final class Broadcaster {
    private Broadcaster() {
    }

    public static int answer() throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(new byte[1], 1, InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 9));
        }
        return 42;
    }
}
