package io.backorder.order;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.MessageCatalog;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Drives the service the way the suite does: a platform over REST, and inventory and notification-service over the
 * real broker. Commands the order service sends are read from the other services' inbox queues (nobody consumes
 * them in these tests); replies and events are sent into the order service's inbox.
 */
final class Scenario {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EmbeddedBroker broker;
    private final MessageCodec codec;

    Scenario(EmbeddedBroker broker, MessageCodec codec) {
        this.broker = broker;
        this.codec = codec;
    }

    // --- the platform ---

    static Map<String, Object> line(String sku, int quantity, String unitPrice) {
        return Map.of("sku", sku, "description", "Item " + sku, "quantity", quantity, "unitPrice", unitPrice);
    }

    static Map<String, Object> order(String shipping, String paymentMethod, List<Map<String, Object>> lines) {
        return order(shipping, paymentMethod, null, lines);
    }

    static Map<String, Object> order(String shipping, String paymentMethod, String latestAcceptableDate,
            List<Map<String, Object>> lines) {
        Map<String, Object> customer = new HashMap<>(Map.of("id", "customer-1", "tier", "GOLD", "locale", "de",
                "email", "kim@example.com", "phone", "+49 170 5550101", "smsOptIn", true));
        if (latestAcceptableDate != null) {
            customer.put("latestAcceptableDate", latestAcceptableDate);
        }
        return Map.of("reference", "SHOP-" + UUID.randomUUID().toString().substring(0, 6), "currency", "EUR",
                "shipping", shipping, "customer", customer, "paymentMethod", paymentMethod, "lines", lines);
    }

    UUID place(Map<String, Object> body) {
        return place(body, Map.of());
    }

    /** Places the order with extra request headers (e.g. the platform's trace context). */
    UUID place(Map<String, Object> body, Map<String, String> headers) {
        String id = given().auth()
                .oauth2(Tokens.platform())
                .headers(headers)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    static JsonPath view(UUID orderId) {
        return given().auth()
                .oauth2(Tokens.platform())
                .get("/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until the order view satisfies the condition, then returns it. */
    static JsonPath awaitView(UUID orderId, Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = view(orderId);
            return condition.test(last[0]);
        });
        return last[0];
    }

    static JsonPath awaitStatus(UUID orderId, String status) {
        return awaitView(orderId, view -> status.equals(view.getString("status")));
    }

    /** Waits until no provider call is under way. */
    static JsonPath awaitPaymentsSettled(UUID orderId) {
        return awaitView(orderId, view -> !view.getBoolean("payment.processing"));
    }

    static UUID lineId(JsonPath view, int index) {
        return UUID.fromString(view.getString("lines[" + index + "].id"));
    }

    static void ship(UUID orderId, String shipmentId, Map<UUID, Integer> units) {
        List<Map<String, Object>> lines = new ArrayList<>();
        units.forEach((line, quantity) -> lines.add(Map.of("lineId", line.toString(), "quantity", quantity)));
        given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of("shipmentId", shipmentId, "lines", lines))
                .post("/orders/{id}/shipments", orderId)
                .then()
                .statusCode(202);
    }

    // --- the other services, through the broker ---

    /** Messages of a type the order service sent to another service's inbox about this order. */
    <T extends Message> List<T> sent(String inbox, Class<T> type, UUID orderId) {
        String typeName = MessageCatalog.of(type).typeName();
        return envelopes(inbox, envelope -> envelope.type().equals(typeName) && orderId.toString()
                .equals(envelope.correlationId())).stream().map(envelope -> codec.payload(envelope, type)).toList();
    }

    /** Envelopes waiting in another service's inbox that satisfy the condition. */
    List<Envelope> envelopes(String inbox, Predicate<Envelope> condition) {
        return broker.peekMessageBodies(inbox).stream().map(codec::read).filter(condition).toList();
    }

    Envelope awaitEnvelope(String inbox, Predicate<Envelope> condition) {
        List<Envelope> match = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            match.clear();
            match.addAll(envelopes(inbox, condition));
            return !match.isEmpty();
        });
        return match.get(0);
    }

    <T extends Message> T awaitSent(String inbox, Class<T> type, UUID orderId, Predicate<T> condition) {
        List<Optional<T>> match = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            match.clear();
            match.add(sent(inbox, type, orderId).stream().filter(condition).findFirst());
            return match.get(0).isPresent();
        });
        return match.get(0).orElseThrow();
    }

    <T extends Message> T awaitCommand(Class<T> type, UUID orderId) {
        return awaitSent(Addresses.INVENTORY_INBOX, type, orderId, message -> true);
    }

    <T extends Message> T awaitCommand(Class<T> type, UUID orderId, Predicate<T> condition) {
        return awaitSent(Addresses.INVENTORY_INBOX, type, orderId, condition);
    }

    /** Sends a reply or event into the order service's inbox; returns the envelope (to send it again). */
    Envelope reply(Message message) {
        Envelope envelope = codec.wrap(message, null);
        send(envelope);
        return envelope;
    }

    void send(Envelope envelope) {
        broker.sendEnvelope(Addresses.ORDER_INBOX, codec.write(envelope), envelope.id(),
                envelope.correlationId());
    }
}
