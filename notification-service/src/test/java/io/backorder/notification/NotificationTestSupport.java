package io.backorder.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.infra.MailCatcher;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.InjectMail;
import io.backorder.testing.Tokens;

/**
 * What the tests share: they play the order service, sending its commands into the notification inbox through the
 * real broker and reading what comes back on the order service's inbox, and read mail from the real SMTP server.
 */
abstract class NotificationTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Pattern LINK = Pattern.compile("(https?://[^\\s\"<>]+)/c/([A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])");
    static final ObjectMapper JSON = new ObjectMapper();

    @InjectBroker
    EmbeddedBroker broker;

    @InjectMail
    MailCatcher mail;

    @Inject
    MessageCodec codec;

    @Inject
    MutableClock clock;

    Envelope send(Message message) {
        Envelope envelope = codec.wrap(message, null);
        send(envelope);
        return envelope;
    }

    void send(Envelope envelope) {
        broker.sendEnvelope(Addresses.NOTIFICATION_INBOX, codec.write(envelope), envelope.id(),
                envelope.correlationId());
    }

    List<MailCatcher.CapturedMail> mailsTo(String address) {
        return mail.messages().stream().filter(captured -> captured.to().contains(address)).toList();
    }

    MailCatcher.CapturedMail awaitMail(String address, int count) {
        await().atMost(WAIT).until(() -> mailsTo(address).size() >= count);
        return mailsTo(address).get(count - 1);
    }

    /** Bodies of the messages this service sent to the order service about the order. */
    List<JsonNode> toOrderService(UUID orderId, String type) {
        return broker.peekMessageBodies(Addresses.ORDER_INBOX)
                .stream()
                .map(NotificationTestSupport::parse)
                .filter(envelope -> envelope.path("type").asText().equals(type))
                .filter(envelope -> envelope.path("data").path("orderId").asText().equals(orderId.toString()))
                .map(envelope -> envelope.path("data"))
                .toList();
    }

    /** Waits until the outbox relay has sent {@code count} such messages, then returns them. */
    List<JsonNode> awaitToOrderService(UUID orderId, String type, int count) {
        await().atMost(WAIT).until(() -> toOrderService(orderId, type).size() >= count);
        return toOrderService(orderId, type);
    }

    /** The saga's view of what became of its request with this de-duplication key. */
    JsonNode awaitOutcome(UUID orderId, String deduplicationKey) {
        await().atMost(WAIT).until(() -> outcomes(orderId, deduplicationKey).size() == 1);
        return outcomes(orderId, deduplicationKey).get(0);
    }

    List<JsonNode> outcomes(UUID orderId, String deduplicationKey) {
        return toOrderService(orderId, "CustomerNotified").stream()
                .filter(outcome -> outcome.path("deduplicationKey").asText().equals(deduplicationKey))
                .toList();
    }

    JsonNode notifications(UUID orderId) {
        String body = given().auth()
                .oauth2(Tokens.operator())
                .get("/orders/{orderId}/notifications", orderId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return parse(body);
    }

    static String token(String body) {
        Matcher matcher = LINK.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No customer link in: " + body);
        }
        return matcher.group(2);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }
}
