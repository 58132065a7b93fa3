package io.backorder.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/** Stands in for a Quarkus service in {@link ServiceProcessTest}: answers the readiness check. */
public final class HealthStub {

    private HealthStub() {
    }

    public static void main(String[] args) throws IOException {
        String port = System.getProperty("quarkus.http.port");
        if (port == null) {
            System.out.println("HealthStub: no quarkus.http.port given");
            System.exit(2);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = ("{\"status\":\"UP\",\"greeting\":\"" + System.getProperty("greeting") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("HealthStub listening on " + port);
    }
}
