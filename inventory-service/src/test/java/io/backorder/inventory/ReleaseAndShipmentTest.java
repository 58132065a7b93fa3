package io.backorder.inventory;

import static io.backorder.inventory.Orders.order;
import static io.backorder.inventory.Wire.field;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.FindSubstitutes;
import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.contracts.inventory.ShipReservedStock;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.inventory.service.ReservationService;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Cancellations, shipments and substitute searches arrive through the real broker, also more than once. */
@QuarkusTest
class ReleaseAndShipmentTest {

    private static final String WH = "release-wh";

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    ReservationService reservations;

    private Wire wire;

    @BeforeEach
    void setUp() {
        wire = new Wire(broker, codec);
        InventoryFixtures.location(WH);
    }

    @Test
    void releasedUnitsGoToTheNextWaitingLineAtOnceAndARedeliveryChangesNothing() {
        String sku = "REL-NEXT";
        InventoryFixtures.sku(sku, "ALLOW", Map.of());
        InventoryFixtures.stock(sku, WH, 2);
        Orders holder = reserve(order().placedDaysAgo(2).line(sku, 2));
        Orders next = reserve(order().placedDaysAgo(1).line(sku, 1));
        Orders last = reserve(order().line(sku, 1));

        Envelope release = wire.send(new ReleaseStock(holder.orderId(), List.of(holder.lineId(0)),
                "customer changed their mind"));

        JsonNode released = wire.awaitToOrders("StockReleased", field("lineId", holder.lineId(0)));
        assertThat(released.path("releasedReserved").asInt()).isEqualTo(2);
        assertThat(wire.awaitToOrders("StockAllocated", field("lineId", next.lineId(0))).path("quantity").asInt())
                .isEqualTo(1);
        assertThat(wire.awaitToOrders("StockAllocated", field("lineId", last.lineId(0))).path("quantity").asInt())
                .isEqualTo(1);

        wire.resend(release);
        Envelope retried = wire.send(codec.payload(release, ReleaseStock.class));
        wire.settle();
        JsonNode second = wire.awaitToOrders("StockReleased", 2, field("lineId", holder.lineId(0))).get(1);
        assertThat(second.path("releasedReserved").asInt()).isZero();
        assertThat(retried.id()).isNotEqualTo(release.id());
        assertThat(wire.toOrders("StockReleased", field("lineId", holder.lineId(0)))).hasSize(2);
        assertThat(wire.toOrders("StockAllocated", field("lineId", next.lineId(0)))).hasSize(1);
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/{sku}", sku)
                .then()
                .body("reserved", equalTo(2))
                .body("available", equalTo(0))
                .body("backordered", equalTo(0));
    }

    @Test
    void releasingABackorderMovesTheLinesBehindItUp() {
        String sku = "REL-QUEUE";
        InventoryFixtures.sku(sku, "ALLOW", Map.of("leadTimeDays", 20));
        InventoryFixtures.stock(sku, WH, 1);
        Orders holder = reserve(order().placedDaysAgo(3).line(sku, 1));
        Orders ahead = reserve(order().placedDaysAgo(2).line(sku, 3));
        Orders behind = reserve(order().placedDaysAgo(1).line(sku, 2));
        assertThat(holder.lineId(0)).isNotNull();

        wire.send(new ReleaseStock(ahead.orderId(), List.of(ahead.lineId(0)), ReleaseStock.REASON_DELAY_EXPIRED));

        wire.awaitToOrders("StockReleased", field("lineId", ahead.lineId(0)));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/skus/{sku}/backorders", sku)
                .then()
                .body("lines.size()", equalTo(1))
                .body("lines[0].lineId", equalTo(behind.lineId(0).toString()))
                .body("lines[0].unitsThrough", equalTo(2));
    }

    @Test
    void aShipmentTakesReservedUnitsOffOnHandOnceHoweverOftenItArrives() {
        String sku = "SHIP-1";
        InventoryFixtures.sku(sku, "ALLOW", Map.of());
        InventoryFixtures.stock(sku, WH, 5);
        Orders shipped = reserve(order().line(sku, 3));
        ShipReservedStock command = new ShipReservedStock(shipped.orderId(), shipped.lineId(0), sku, 3, "parcel-1");

        Envelope first = wire.send(command);
        JsonNode reply = wire.awaitToOrders("ReservedStockShipped", field("lineId", shipped.lineId(0)));
        assertThat(reply.path("quantity").asInt()).isEqualTo(3);

        wire.resend(first);
        wire.send(command);
        wire.settle();
        List<JsonNode> replies = wire.toOrders("ReservedStockShipped", field("lineId", shipped.lineId(0)));
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1).path("quantity").asInt()).isZero();

        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/{sku}", sku)
                .then()
                .body("onHand", equalTo(2))
                .body("reserved", equalTo(0))
                .body("backlogLines", equalTo(0));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/{sku}/journal", sku)
                .then()
                .body("size()", equalTo(2))
                .body("[0].reason", equalTo("SHIPMENT"))
                .body("[0].delta", equalTo(-3))
                .body("[0].reference", equalTo("shipment:parcel-1 line:" + shipped.lineId(0)));
    }

    @Test
    void aShipmentOfMoreThanIsReservedIsDeadLetteredAndChangesNothing() {
        String sku = "SHIP-TOO-MANY";
        InventoryFixtures.sku(sku, "ALLOW", Map.of());
        InventoryFixtures.stock(sku, WH, 5);
        Orders shipped = reserve(order().line(sku, 1));
        long deadBefore = broker.messageCount(Addresses.DEAD_LETTERS);

        wire.send(new ShipReservedStock(shipped.orderId(), shipped.lineId(0), sku, 2, "parcel-2"));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> broker.messageCount(Addresses.DEAD_LETTERS) == deadBefore + 1);
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/{sku}", sku)
                .then()
                .body("onHand", equalTo(5))
                .body("reserved", equalTo(1));
    }

    @Test
    void substitutesAreInStockItemsOfTheSameGroupClosestInPriceFirst() {
        InventoryFixtures.sku("SUB-ORIGINAL", "ALLOW", Map.of("substitutionGroup", "kettles", "unitPrice", 100));
        InventoryFixtures.sku("SUB-DEARER", "ALLOW", Map.of("substitutionGroup", "kettles", "unitPrice", 130));
        InventoryFixtures.sku("SUB-SAME", "ALLOW", Map.of("substitutionGroup", "kettles", "unitPrice", 95));
        InventoryFixtures.sku("SUB-SHORT", "ALLOW", Map.of("substitutionGroup", "kettles", "unitPrice", 100));
        InventoryFixtures.sku("SUB-OTHER-GROUP", "ALLOW", Map.of("substitutionGroup", "toasters"));
        InventoryFixtures.stock("SUB-DEARER", WH, 5);
        InventoryFixtures.stock("SUB-SAME", WH, 2);
        InventoryFixtures.stock("SUB-SHORT", WH, 1);
        InventoryFixtures.stock("SUB-OTHER-GROUP", WH, 9);
        UUID lineId = UUID.randomUUID();

        wire.send(new FindSubstitutes(UUID.randomUUID(), lineId, "SUB-ORIGINAL", 2));

        JsonNode found = wire.awaitToOrders("SubstitutesFound", field("lineId", lineId));
        assertThat(found.path("substitutes").findValuesAsText("sku")).containsExactly("SUB-SAME", "SUB-DEARER");
        assertThat(found.path("substitutes").get(0).path("available").asInt()).isEqualTo(2);
    }

    private Orders reserve(Orders order) {
        Orders.await(() -> reservations.reserve(order.command(), null));
        return order;
    }
}
