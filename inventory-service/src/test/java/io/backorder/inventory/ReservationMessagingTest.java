package io.backorder.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Commands arrive through the real broker; replies leave through the outbox to the order service's inbox. */
@QuarkusTest
class ReservationMessagingTest {

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Test
    void reserveCommandIsAnsweredThroughTheOutbox() {
        InventoryFixtures.location("msg-wh");
        InventoryFixtures.sku("MSG-1", "ALLOW", Map.of());
        InventoryFixtures.stock("MSG-1", "msg-wh", 1);
        UUID orderId = UUID.randomUUID();

        send(reserve(orderId, "MSG-1", 3));

        String reply = awaitReply(orderId, "LineBackordered");
        assertThat(reply).contains("\"reservedQuantity\":1", "\"backorderedQuantity\":2");
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/MSG-1")
                .then()
                .body("reserved", equalTo(1))
                .body("backordered", equalTo(2));
    }

    @Test
    void aRedeliveredCommandChangesNothingTwice() {
        InventoryFixtures.location("dup-wh");
        InventoryFixtures.sku("DUP-1", "ALLOW", Map.of());
        InventoryFixtures.stock("DUP-1", "dup-wh", 10);
        UUID orderId = UUID.randomUUID();
        Envelope command = reserve(orderId, "DUP-1", 2);

        send(command);
        send(command);
        // The inbox is consumed in order: once a later command is answered, both copies have been handled.
        UUID marker = UUID.randomUUID();
        send(reserve(marker, "DUP-1", 1));
        awaitReply(marker, "StockReserved");

        given().auth().oauth2(Tokens.operator()).get("/stock/DUP-1").then().body("reserved", equalTo(3));
        assertThat(repliesFor(orderId)).hasSize(1);
    }

    @Test
    void aRetriedCommandWithANewMessageIdGetsTheSameOutcome() {
        InventoryFixtures.location("retry-wh");
        InventoryFixtures.sku("RETRY-1", "ALLOW", Map.of());
        InventoryFixtures.stock("RETRY-1", "retry-wh", 1);
        UUID orderId = UUID.randomUUID();
        ReserveStock command = command(orderId, "RETRY-1", 1);

        send(codec.wrap(command, null));
        awaitReply(orderId, "StockReserved");
        send(codec.wrap(command, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> repliesFor(orderId).size() == 2);

        assertThat(repliesFor(orderId)).allSatisfy(reply -> assertThat(reply).contains("StockReserved"));
        given().auth().oauth2(Tokens.operator()).get("/stock/RETRY-1").then().body("reserved", equalTo(1));
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheInboxKeepsGoing() {
        long deadBefore = broker.messageCount(Addresses.DEAD_LETTERS);
        broker.sendAmqp(Addresses.INVENTORY_INBOX, "{ this is not an envelope", UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(60))
                .until(() -> broker.messageCount(Addresses.DEAD_LETTERS) == deadBefore + 1);

        InventoryFixtures.location("poison-wh");
        InventoryFixtures.sku("POISON-AFTER", "ALLOW", Map.of());
        InventoryFixtures.stock("POISON-AFTER", "poison-wh", 1);
        UUID orderId = UUID.randomUUID();
        send(reserve(orderId, "POISON-AFTER", 1));
        awaitReply(orderId, "StockReserved");
    }

    private ReserveStock command(UUID orderId, String sku, int quantity) {
        return new ReserveStock(orderId, "customer-1", CustomerTier.STANDARD, new BigDecimal("10.00"), Instant.now(),
                false, null, List.of(new ReserveStock.Line(UUID.randomUUID(), sku, quantity)));
    }

    private Envelope reserve(UUID orderId, String sku, int quantity) {
        return codec.wrap(command(orderId, sku, quantity), null);
    }

    private void send(Envelope envelope) {
        broker.sendEnvelope(Addresses.INVENTORY_INBOX, codec.write(envelope), envelope.id(),
                envelope.correlationId());
    }

    private List<String> repliesFor(UUID orderId) {
        return broker.peekMessageBodies(Addresses.ORDER_INBOX)
                .stream()
                .filter(body -> body.contains(orderId.toString()))
                .toList();
    }

    private String awaitReply(UUID orderId, String type) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> repliesFor(orderId).stream().anyMatch(body -> body.contains("\"" + type + "\"")));
        return repliesFor(orderId).get(0);
    }
}
