package io.backorder.inventory;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;

/**
 * The broker as the other services see it: sends messages to inventory's inbox and reads what inventory published
 * to their inboxes (nobody consumes those queues in these tests, so every message stays there to be inspected).
 */
final class Wire {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final EmbeddedBroker broker;
    private final MessageCodec codec;

    Wire(EmbeddedBroker broker, MessageCodec codec) {
        this.broker = broker;
        this.codec = codec;
    }

    Envelope send(Message message) {
        Envelope envelope = codec.wrap(message, null);
        resend(envelope);
        return envelope;
    }

    /** Delivers the very same message (same id) again, as a broker does after a lost acknowledgement. */
    void resend(Envelope envelope) {
        broker.sendEnvelope(Addresses.INVENTORY_INBOX, codec.write(envelope), envelope.id(),
                envelope.correlationId());
    }

    /** The payloads of the messages of this type in the queue, oldest first, that match. */
    List<JsonNode> published(String queue, String type, Predicate<JsonNode> matching) {
        List<JsonNode> found = new ArrayList<>();
        for (String body : broker.peekMessageBodies(queue)) {
            JsonNode envelope = parse(body);
            if (type.equals(envelope.path("type").asText()) && matching.test(envelope.path("data"))) {
                found.add(envelope.path("data"));
            }
        }
        return found;
    }

    List<JsonNode> toOrders(String type, Predicate<JsonNode> matching) {
        return published(Addresses.ORDER_INBOX, type, matching);
    }

    List<JsonNode> awaitToOrders(String type, int count, Predicate<JsonNode> matching) {
        await().atMost(PATIENCE).until(() -> toOrders(type, matching).size() >= count);
        return toOrders(type, matching);
    }

    JsonNode awaitToOrders(String type, Predicate<JsonNode> matching) {
        return awaitToOrders(type, 1, matching).get(0);
    }

    List<JsonNode> toInsights(String type, Predicate<JsonNode> matching) {
        return published(Addresses.INSIGHTS_INBOX, type, matching);
    }

    JsonNode awaitToInsights(String type, Predicate<JsonNode> matching) {
        await().atMost(PATIENCE).until(() -> !toInsights(type, matching).isEmpty());
        return toInsights(type, matching).get(0);
    }

    JsonNode awaitToSuppliers(String type, Predicate<JsonNode> matching) {
        await().atMost(PATIENCE).until(() -> !published(Addresses.SUPPLIER_INBOX, type, matching).isEmpty());
        return published(Addresses.SUPPLIER_INBOX, type, matching).get(0);
    }

    /**
     * Waits until every message sent so far has been handled and everything it published is on the broker: the
     * inbox is consumed in order and the outbox relayed in order, so once a command sent now is answered, all is.
     */
    void settle() {
        InventoryFixtures.sku("MARKER", "ALLOW", Map.of());
        UUID marker = UUID.randomUUID();
        send(new ReserveStock(marker, "marker", CustomerTier.STANDARD, BigDecimal.ONE, Instant.now(), false, null,
                List.of(new ReserveStock.Line(UUID.randomUUID(), "MARKER", 1))));
        awaitToOrders("LineBackordered", field("orderId", marker));
    }

    static Predicate<JsonNode> field(String name, Object value) {
        return data -> data.path(name).asText().equals(String.valueOf(value));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
