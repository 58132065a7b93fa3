package io.backorder.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.backorder.notification.channel.DeliveryRejected;
import io.backorder.notification.channel.TwilioSmsProvider;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/** The Twilio adapter against a local stand-in for Twilio's Messages API. */
class TwilioSmsProviderTest {

    private record Received(String method, String path, String authorization, Map<String, String> form) {
    }

    private static final String SID = "AC0123456789abcdef0123456789abcdef";

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer twilio;
    private Vertx vertx;
    private volatile int status = 201;
    private volatile String answer = "{\"sid\":\"SM11112222333344445555666677778888\",\"status\":\"queued\"}";

    @BeforeEach
    void start() throws IOException {
        twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        twilio.createContext("/", this::handle);
        twilio.start();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        twilio.stop(0);
        vertx.closeAndAwait();
    }

    @Test
    void postsTheMessageAsAFormWithBasicAuthentication() {
        String sid = provider(null).send("+4915112345678", "Your order A-1: Gadget März 2031 https://x/c/t")
                .await()
                .atMost(Duration.ofSeconds(10));

        assertThat(sid).isEqualTo("SM11112222333344445555666677778888");
        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((SID + ":secret-token").getBytes(StandardCharsets.UTF_8)));
        assertThat(request.form()).containsEntry("To", "+4915112345678")
                .containsEntry("From", "+15005550006")
                .containsEntry("Body", "Your order A-1: Gadget März 2031 https://x/c/t")
                .doesNotContainKey("MessagingServiceSid");
    }

    @Test
    void sendsThroughAMessagingServiceWhenConfigured() {
        provider("MG0123").send("+4915112345678", "hi").await().atMost(Duration.ofSeconds(10));

        assertThat(received.get(0).form()).containsEntry("MessagingServiceSid", "MG0123").doesNotContainKey("From");
    }

    @Test
    void aRefusedNumberIsAPermanentFailure() {
        status = 400;
        answer = "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}";

        assertThatThrownBy(() -> provider(null).send("+15005550001", "hi").await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(DeliveryRejected.class, rejected -> {
                    assertThat(rejected.retryable()).isFalse();
                    assertThat(rejected.getMessage()).contains("21211", "not a valid phone number");
                });
    }

    @Test
    void rateLimitsServerErrorsAndOutagesAreWorthRetrying() {
        for (int failing : List.of(429, 500, 503)) {
            status = failing;
            answer = "{\"code\":20429,\"message\":\"Too many requests\"}";
            assertThatThrownBy(() -> provider(null).send("+4915112345678", "hi")
                    .await()
                    .atMost(Duration.ofSeconds(10)))
                    .isInstanceOfSatisfying(DeliveryRejected.class,
                            rejected -> assertThat(rejected.retryable()).as("HTTP %d", failing).isTrue());
        }
        int port = twilio.getAddress().getPort();
        twilio.stop(0);
        TwilioSmsProvider unreachable = new TwilioSmsProvider(WebClient.create(vertx), new TwilioSmsProvider.Settings(
                "http://127.0.0.1:" + port, SID, "secret-token", "+15005550006", null));
        assertThatThrownBy(() -> unreachable.send("+4915112345678", "hi").await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(DeliveryRejected.class, rejected -> assertThat(rejected.retryable()).isTrue());
    }

    private TwilioSmsProvider provider(String messagingService) {
        return new TwilioSmsProvider(WebClient.create(vertx), new TwilioSmsProvider.Settings(
                "http://127.0.0.1:" + twilio.getAddress().getPort(), SID, "secret-token", "+15005550006",
                messagingService));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), form));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
