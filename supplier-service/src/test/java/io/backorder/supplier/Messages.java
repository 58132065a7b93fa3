package io.backorder.supplier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.quarkus.hibernate.reactive.panache.Panache;

/**
 * Plays the other services' part on the real broker: sends envelopes to the supplier inbox and reads what the
 * service sent to the other inboxes (which nobody consumes in these tests).
 */
final class Messages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedBroker broker;
    private final MessageCodec codec;

    Messages(EmbeddedBroker broker, MessageCodec codec) {
        this.broker = broker;
        this.codec = codec;
    }

    Envelope send(Message message) {
        Envelope envelope = codec.wrap(message, null);
        send(envelope);
        return envelope;
    }

    /** Sends a message that happened at {@code time} (a receipt is dated by when the goods arrived). */
    Envelope sendAt(Message message, Instant time) {
        Envelope envelope = codec.wrap(message, null).withTime(time);
        send(envelope);
        return envelope;
    }

    void send(Envelope envelope) {
        broker.sendEnvelope(Addresses.SUPPLIER_INBOX, codec.write(envelope), envelope.id(),
                envelope.correlationId());
    }

    /** Envelopes of this type in the inbox whose payload matches. */
    List<JsonNode> sent(String address, String type, Predicate<JsonNode> data) {
        return broker.peekMessageBodies(address)
                .stream()
                .map(Messages::parse)
                .filter(envelope -> type.equals(envelope.path("type").asText()))
                .filter(envelope -> data.test(envelope.path("data")))
                .toList();
    }

    /** Waits for a message of this type whose payload matches, and returns its payload. */
    JsonNode awaitSent(String address, String type, Predicate<JsonNode> data) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !sent(address, type, data).isEmpty());
        return sent(address, type, data).get(0).path("data");
    }

    /** Waits until the outbox relay has sent everything written so far, so counting messages means something. */
    static void awaitOutboxDrained() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> unsent() == 0);
    }

    /** Waits until the inbox message with this id was processed (committed). */
    static void awaitProcessed(Envelope envelope) {
        UUID id = UUID.fromString(envelope.id());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> processed(id));
    }

    static Predicate<JsonNode> field(String name, Object value) {
        return data -> String.valueOf(value).equals(data.path(name).asText());
    }

    private static long unsent() {
        return Db.query(() -> Panache.getSession()
                .flatMap(session -> session
                        .createNativeQuery("select count(*) from outbox_message where sent_at is null", Long.class)
                        .getSingleResult()));
    }

    private static boolean processed(UUID id) {
        return Db.query(() -> Panache.getSession()
                .flatMap(session -> session
                        .createNativeQuery("select count(*) from processed_message where message_id = ?1",
                                Long.class)
                        .setParameter(1, id)
                        .getSingleResult())) > 0;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON on the broker: " + body, e);
        }
    }
}
