package io.backorder.inventory;

import static io.backorder.inventory.Orders.TODAY;
import static io.backorder.inventory.Orders.order;
import static io.backorder.inventory.Wire.field;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReservationResult;
import io.backorder.contracts.supplier.DropshipArranged;
import io.backorder.contracts.supplier.EtaChanged;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.contracts.supplier.PurchaseOrderLineCancelled;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.inventory.service.ReservationService;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Supplier events arrive through the real broker and move promise dates; only lines whose date moved are told. */
@QuarkusTest
class SupplyPromiseTest {

    private static final int LEAD_TIME = 30;

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    ReservationService reservations;

    private Wire wire;

    @BeforeEach
    void wire() {
        wire = new Wire(broker, codec);
        InventoryFixtures.location("supply-wh");
    }

    @Test
    void anEtaSlipMovesExactlyTheLinesThatWaitForThatSupply() {
        String sku = "ETA-1";
        InventoryFixtures.sku(sku, "ALLOW", Map.of("leadTimeDays", LEAD_TIME));
        issue("PO-ETA-1", sku, line("PO-ETA-1-1", sku, 4, 10), line("PO-ETA-1-2", sku, 2, 20));
        awaitInbound(sku, 6);
        // equal tier and value: the older order is ahead
        UUID first = backorder(order().placedDaysAgo(3).line(sku, 2), TODAY.plusDays(11));
        UUID second = backorder(order().placedDaysAgo(2).line(sku, 2), TODAY.plusDays(11));
        UUID third = backorder(order().placedDaysAgo(1).line(sku, 2), TODAY.plusDays(21));

        wire.send(new EtaChanged("PO-ETA-1", "PO-ETA-1-2", sku, TODAY.plusDays(20), TODAY.plusDays(25), false,
                "supplier-1"));

        JsonNode moved = wire.awaitToOrders("PromiseDateChanged", field("lineId", third));
        assertThat(moved.path("previousDate").asText()).isEqualTo(TODAY.plusDays(21).toString());
        assertThat(moved.path("newDate").asText()).isEqualTo(TODAY.plusDays(26).toString());
        assertThat(moved.path("reason").asText()).contains("PO-ETA-1-2");
        wire.settle();
        assertThat(changesFor(first)).isEmpty();
        assertThat(changesFor(second)).isEmpty();

        // The first purchase-order line now arrives after the second one: the queue keeps its order (no first
        // promise has passed yet), the two earliest units go to the first line and everybody moves.
        Envelope slip = wire.send(new EtaChanged("PO-ETA-1", "PO-ETA-1-1", sku, TODAY.plusDays(10),
                TODAY.plusDays(30), true, "supplier-1"));
        wire.awaitToOrders("PromiseDateChanged", 2, field("lineId", third));
        wire.settle();
        assertThat(newDates(first)).containsExactly(TODAY.plusDays(26).toString());
        assertThat(newDates(second)).containsExactly(TODAY.plusDays(31).toString());
        assertThat(newDates(third)).containsExactly(TODAY.plusDays(26).toString(), TODAY.plusDays(31).toString());
        given().auth()
                .oauth2(Tokens.operator())
                .get("/skus/{sku}/backorders", sku)
                .then()
                .body("lines.lineId", contains(first.toString(), second.toString(), third.toString()))
                .body("lines.promiseDate", contains(TODAY.plusDays(26).toString(), TODAY.plusDays(31).toString(),
                        TODAY.plusDays(31).toString()))
                .body("lines[0].priority.slip", equalTo(0.0f));

        wire.resend(slip);
        wire.send(codec.payload(slip, EtaChanged.class));
        wire.settle();
        assertThat(changesFor(first)).hasSize(1);
        assertThat(changesFor(second)).hasSize(1);
        assertThat(changesFor(third)).hasSize(2);
    }

    @Test
    void aConfirmationWithoutANewDateRaisesConfidenceButTellsNobody() {
        String sku = "ETA-CONFIRM";
        InventoryFixtures.sku(sku, "ALLOW", Map.of("leadTimeDays", LEAD_TIME));
        issue("PO-CONF", sku, line("PO-CONF-1", sku, 5, 8));
        awaitInbound(sku, 5);
        UUID waiting = backorder(order().line(sku, 1), TODAY.plusDays(9));

        wire.send(new EtaChanged("PO-CONF", "PO-CONF-1", sku, TODAY.plusDays(8), TODAY.plusDays(8), true,
                "supplier-1"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.operator())
                        .get("/skus/{sku}/backorders", sku)
                        .then()
                        .body("lines[0].confidence", equalTo("HIGH")));
        wire.settle();
        assertThat(changesFor(waiting)).isEmpty();
    }

    @Test
    void aCancelledPurchaseOrderLineSendsItsLinesToTheStandardLeadTime() {
        String sku = "PO-CANCEL-1";
        InventoryFixtures.sku(sku, "ALLOW", Map.of("leadTimeDays", LEAD_TIME));
        issue("PO-CANCEL", sku, line("PO-CANCEL-1-1", sku, 2, 5));
        awaitInbound(sku, 2);
        UUID waiting = backorder(order().line(sku, 2), TODAY.plusDays(6));

        wire.send(new PurchaseOrderLineCancelled("PO-CANCEL", "PO-CANCEL-1-1", sku, 2, "supplier declined"));

        JsonNode moved = wire.awaitToOrders("PromiseDateChanged", field("lineId", waiting));
        assertThat(moved.path("newDate").asText()).isEqualTo(TODAY.plusDays(LEAD_TIME + 1).toString());
        assertThat(moved.path("confidence").asText()).isEqualTo("LOW");
        assertThat(moved.path("reason").asText()).contains("cancelled");
        given().auth().oauth2(Tokens.operator()).get("/stock/{sku}", sku).then().body("inbound", equalTo(0));
    }

    @Test
    void aDropshippedLineLeavesTheQueueAndTheLinesBehindMoveUp() {
        String sku = "DROP-1";
        InventoryFixtures.sku(sku, "ALLOW", Map.of("leadTimeDays", LEAD_TIME));
        issue("PO-DROP", sku, line("PO-DROP-1", sku, 2, 10));
        awaitInbound(sku, 2);
        Orders dropshipped = order().placedDaysAgo(2).line(sku, 2);
        backorder(dropshipped, TODAY.plusDays(11));
        UUID behind = backorder(order().placedDaysAgo(1).line(sku, 2), TODAY.plusDays(LEAD_TIME + 1));

        wire.send(new DropshipArranged(dropshipped.orderId(), dropshipped.lineId(0), sku, 2, "supplier-1", "PO-DS-9",
                TODAY.plusDays(4)));

        JsonNode moved = wire.awaitToOrders("PromiseDateChanged", field("lineId", behind));
        assertThat(moved.path("newDate").asText()).isEqualTo(TODAY.plusDays(11).toString());
        given().auth()
                .oauth2(Tokens.operator())
                .get("/skus/{sku}/backorders", sku)
                .then()
                .body("lines.size()", equalTo(1))
                .body("lines[0].lineId", equalTo(behind.toString()));
        given().auth().oauth2(Tokens.operator()).get("/stock/{sku}", sku).then().body("backordered", equalTo(2));
    }

    @Test
    void aNewBackorderIsRecordedForSuppliersAndAHigherPriorityOvertakesTheQueue() {
        String sku = "OVERTAKE-1";
        InventoryFixtures.sku(sku, "ALLOW", Map.of("leadTimeDays", LEAD_TIME));
        issue("PO-OVER", sku, line("PO-OVER-1", sku, 1, 5));
        awaitInbound(sku, 1);
        UUID standard = backorder(order().line(sku, 1), TODAY.plusDays(6));
        JsonNode recorded = wire.awaitToSuppliers("BackorderRecorded", field("lineId", standard));
        assertThat(recorded.path("quantity").asInt()).isEqualTo(1);
        assertThat(recorded.path("promiseDate").asText()).isEqualTo(TODAY.plusDays(6).toString());

        backorder(order().tier(CustomerTier.PLATINUM).line(sku, 1), TODAY.plusDays(6));

        JsonNode moved = wire.awaitToOrders("PromiseDateChanged", field("lineId", standard));
        assertThat(moved.path("newDate").asText()).isEqualTo(TODAY.plusDays(LEAD_TIME + 1).toString());
        assertThat(moved.path("reason").asText()).contains("higher priority");
    }

    @Test
    void aRepeatedPurchaseOrderAddsItsSupplyOnce() {
        String sku = "PO-TWICE";
        InventoryFixtures.sku(sku, "ALLOW", Map.of());
        Envelope issued = issue("PO-TWICE", sku, line("PO-TWICE-1", sku, 3, 5));
        awaitInbound(sku, 3);

        wire.resend(issued);
        wire.send(codec.payload(issued, PurchaseOrderIssued.class));
        wire.settle();

        given().auth().oauth2(Tokens.operator()).get("/stock/{sku}", sku).then().body("inbound", equalTo(3));
    }

    private Envelope issue(String purchaseOrderId, String sku, PurchaseOrderIssued.Line... lines) {
        return wire.send(new PurchaseOrderIssued(purchaseOrderId, "supplier-1", "supply-wh", List.of(lines), null));
    }

    private static PurchaseOrderIssued.Line line(String id, String sku, int quantity, int etaInDays) {
        return new PurchaseOrderIssued.Line(id, sku, quantity, TODAY.plusDays(etaInDays));
    }

    private static void awaitInbound(String sku, int units) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.operator())
                        .get("/stock/{sku}", sku)
                        .then()
                        .body("inbound", equalTo(units)));
    }

    /** Reserves with nothing on hand; returns the line id after checking the promise it was given. */
    private UUID backorder(Orders order, LocalDate expectedPromise) {
        ReserveStock command = order.command();
        List<StockReservationResult> results = Orders.await(() -> reservations.reserve(command, null));
        assertThat(results.get(0)).isInstanceOfSatisfying(LineBackordered.class,
                line -> assertThat(line.promiseDate()).isEqualTo(expectedPromise));
        return order.lineId(0);
    }

    private List<JsonNode> changesFor(UUID lineId) {
        return wire.toOrders("PromiseDateChanged", field("lineId", lineId));
    }

    private List<String> newDates(UUID lineId) {
        return changesFor(lineId).stream().map(change -> change.path("newDate").asText()).toList();
    }
}
