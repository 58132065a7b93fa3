package io.backorder.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public final class FreePorts {

    static final String LOOPBACK = "127.0.0.1";

    private static final int MAX_ATTEMPTS = 100;

    /**
     * Ports handed out earlier in this JVM. The OS may offer a just-released port again before its
     * first user has bound it, so two servers started in quick succession could otherwise collide.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** Returns a TCP port on 127.0.0.1 that was free a moment ago and was not returned before in this JVM. */
    public static int next() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int port = bindEphemeralPort();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No unused free port found after " + MAX_ATTEMPTS + " attempts");
    }

    private static int bindEphemeralPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind a port on the loopback interface", e);
        }
    }
}
