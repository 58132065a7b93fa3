package io.backorder.supplier;

import static io.backorder.supplier.Messages.field;
import static io.backorder.supplier.SupplierFixtures.agreement;
import static io.backorder.supplier.SupplierFixtures.asSupplier;
import static io.backorder.supplier.SupplierFixtures.operator;
import static io.backorder.supplier.SupplierFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.GoodsReceived;
import io.backorder.contracts.inventory.ReplenishmentRequested;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Inventory's part is played through the real broker: replenishment requests arrive in the supplier inbox, purchase
 * orders leave for the inventory inbox, warehouse receipts close them and feed the statistics.
 */
@QuarkusTest
class ReplenishmentFlowTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    Messages messages;

    @BeforeEach
    void connect() {
        messages = new Messages(broker, codec);
    }

    @Test
    void aReplenishmentRequestBecomesAPurchaseOrderWithTheChoiceAndItsReasonsRecorded() {
        supplier("rep-fast");
        supplier("rep-cheap");
        agreement("rep-fast", "REP-1", "10.00", 5, Map.of());
        // 45 units: 450.00 from rep-fast; rep-cheap sells at least 50 in packs of 20, so 60 units for 420.00
        agreement("rep-cheap", "REP-1", "7.00", 7, Map.of("minOrderQuantity", 50, "packSize", 20));
        UUID requestId = UUID.randomUUID();

        Envelope request = messages.send(new ReplenishmentRequested(requestId, "REP-1", "wh-1", 45,
                TODAY.plusDays(10), false, "forecast 30/week, lead time 1.5 weeks, safety stock 15, position 10",
                null));

        JsonNode issued = messages.awaitSent(Addresses.INVENTORY_INBOX, "PurchaseOrderIssued",
                data -> data.path("lines").path(0).path("sku").asText().equals("REP-1"));
        assertThat(issued.path("supplierId").asText()).isEqualTo("rep-cheap");
        assertThat(issued.path("locationId").asText()).isEqualTo("wh-1");
        assertThat(issued.path("replenishmentRequestId").asText()).as("inventory closes its suggestion by it")
                .isEqualTo(requestId.toString());
        JsonNode line = issued.path("lines").path(0);
        assertThat(line.path("quantity").asInt()).as("minimum 50, in packs of 20").isEqualTo(60);
        assertThat(line.path("expectedDate").asText()).isEqualTo(TODAY.plusDays(7).toString());
        String purchaseOrderId = issued.path("purchaseOrderId").asText();
        JsonNode envelope = messages.sent(Addresses.INVENTORY_INBOX, "PurchaseOrderIssued",
                field("purchaseOrderId", purchaseOrderId)).get(0);
        assertThat(envelope.path("causationid").asText()).isEqualTo(request.id());
        assertThat(envelope.path("correlationid").asText()).isEqualTo(purchaseOrderId);

        operator().get("/supplier-choices?demandId=" + requestId)
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].kind", equalTo("REPLENISHMENT"))
                .body("[0].outcome", equalTo("PURCHASE_ORDER_ISSUED"))
                .body("[0].supplierId", equalTo("rep-cheap"))
                .body("[0].mode", equalTo("STANDARD"))
                .body("[0].orderQuantity", equalTo(60))
                .body("[0].purchaseOrderId", equalTo(purchaseOrderId))
                .body("[0].explanation", containsString("forecast 30/week"))
                .body("[0].offers.supplierId", contains("rep-cheap", "rep-fast"))
                .body("[0].reasons", hasItem(containsString("Cheapest standard offer arriving by the need-by date")))
                .body("[0].reasons", hasItem(containsString("Next best: rep-fast")));
        asSupplier("rep-cheap").get("/supplier/purchase-orders/{id}", purchaseOrderId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ISSUED"))
                .body("lines[0].unitPrice", equalTo(7.0f))
                .body("lines[0].etaHistory.kind", contains("ISSUED"));
    }

    @Test
    void theUrgentClauseIsUsedWhenOnlyItMeetsTheDate() {
        supplier("rep-urgent");
        supplier("rep-slow");
        agreement("rep-urgent", "REP-URG", "10.00", 12, Map.of("urgentLeadTimeDays", 2, "urgentSurchargePercent",
                "30"));
        agreement("rep-slow", "REP-URG", "9.00", 10, Map.of());
        UUID requestId = UUID.randomUUID();

        messages.send(new ReplenishmentRequested(requestId, "REP-URG", "wh-1", 10, TODAY.plusDays(3), true,
                "backorders waiting", null));

        JsonNode issued = messages.awaitSent(Addresses.INVENTORY_INBOX, "PurchaseOrderIssued",
                data -> data.path("lines").path(0).path("sku").asText().equals("REP-URG"));
        assertThat(issued.path("supplierId").asText()).isEqualTo("rep-urgent");
        assertThat(issued.path("lines").path(0).path("expectedDate").asText())
                .isEqualTo(TODAY.plusDays(2).toString());
        operator().get("/purchase-orders/{id}", issued.path("purchaseOrderId").asText())
                .then()
                .body("lines[0].urgent", equalTo(true))
                .body("lines[0].unitPrice", equalTo(13.0f));
        operator().get("/supplier-choices?demandId=" + requestId)
                .then()
                .body("[0].mode", equalTo("URGENT"))
                .body("[0].reasons", hasItem(containsString("used the urgent clause")));
    }

    @Test
    void aPinnedSupplierIsUsedEvenWhenAnotherIsCheaper() {
        supplier("rep-pin-cheap");
        supplier("rep-pinned");
        agreement("rep-pin-cheap", "REP-PIN", "1.00", 5, Map.of());
        agreement("rep-pinned", "REP-PIN", "5.00", 5, Map.of());
        UUID requestId = UUID.randomUUID();

        messages.send(new ReplenishmentRequested(requestId, "REP-PIN", "wh-1", 10, TODAY.plusDays(10), false,
                "operator's choice", "rep-pinned"));

        JsonNode issued = messages.awaitSent(Addresses.INVENTORY_INBOX, "PurchaseOrderIssued",
                data -> data.path("lines").path(0).path("sku").asText().equals("REP-PIN"));
        assertThat(issued.path("supplierId").asText()).isEqualTo("rep-pinned");
        operator().get("/supplier-choices?demandId=" + requestId)
                .then()
                .body("[0].offers.supplierId", contains("rep-pinned"))
                .body("[0].reasons", hasItem(containsString("An operator pinned the supplier rep-pinned")));
    }

    @Test
    void aReSentRequestOrdersOnce() {
        supplier("rep-dup");
        agreement("rep-dup", "REP-DUP", "4.00", 3, Map.of());
        ReplenishmentRequested request = new ReplenishmentRequested(UUID.randomUUID(), "REP-DUP", "wh-1", 5,
                TODAY.plusDays(9), false, "reorder point", null);

        Envelope first = messages.send(request);
        messages.send(first);
        Envelope retried = messages.send(request);
        Messages.awaitProcessed(retried);
        Messages.awaitOutboxDrained();

        assertThat(messages.sent(Addresses.INVENTORY_INBOX, "PurchaseOrderIssued",
                data -> data.path("lines").path(0).path("sku").asText().equals("REP-DUP"))).hasSize(1);
        operator().get("/supplier-choices?sku=REP-DUP").then().body("$", hasSize(1));
    }

    @Test
    void withoutAnAgreementNothingIsOrderedAndTheChoiceSaysWhy() {
        UUID requestId = UUID.randomUUID();

        Messages.awaitProcessed(messages.send(new ReplenishmentRequested(requestId, "REP-NONE", "wh-1", 5,
                TODAY.plusDays(9), false, "reorder point", null)));

        operator().get("/supplier-choices?demandId=" + requestId)
                .then()
                .body("[0].outcome", equalTo("NO_AGREEMENT"))
                .body("[0].supplierId", equalTo(null))
                .body("[0].reasons[0]", containsString("No agreement for REP-NONE is valid on"));
        operator().get("/purchase-orders?sku=REP-NONE").then().body("$", hasSize(0));
    }

    @Test
    void anInvalidRequestIsDeadLetteredAndOrdersNothing() {
        supplier("rep-bad");
        agreement("rep-bad", "REP-BAD", "4.00", 3, Map.of());
        long deadBefore = broker.messageCount(Addresses.DEAD_LETTERS);

        messages.send(new ReplenishmentRequested(UUID.randomUUID(), "REP-BAD", "wh-1", 0, TODAY.plusDays(9), false,
                "broken planner", null));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> broker.messageCount(Addresses.DEAD_LETTERS) == deadBefore + 1);
        operator().get("/supplier-choices?sku=REP-BAD").then().body("$", hasSize(0));
        operator().get("/purchase-orders?sku=REP-BAD").then().body("$", hasSize(0));
    }

    @Test
    void receiptsCloseThePurchaseOrderAndFeedTheStatistics() {
        supplier("stat-sup");
        agreement("stat-sup", "STAT-1", "2.00", 2, Map.of());
        agreement("stat-sup", "STAT-2", "3.00", 3, Map.of());
        String po = SupplierFixtures.purchaseOrder("stat-sup", "wh-1", Map.of("STAT-1", 10, "STAT-2", 10));
        String first = SupplierFixtures.lineId(po, 1);
        String second = SupplierFixtures.lineId(po, 2);
        asSupplier("stat-sup").body(Map.of("lines", List.of(Map.of("lineId", first, "eta", TODAY.plusDays(2)
                .toString()), Map.of("lineId", second, "eta", TODAY.plusDays(3).toString()))))
                .post("/supplier/purchase-orders/{id}/confirmation", po)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"));

        UUID early = UUID.randomUUID();
        Envelope firstReceipt = messages.sendAt(new GoodsReceived(early, "STAT-1", "wh-1", 10, po, first),
                at(TODAY.plusDays(1)));
        messages.sendAt(new GoodsReceived(UUID.randomUUID(), "STAT-2", "wh-1", 4, po, second), at(TODAY.plusDays(5)));
        // Re-sent by inventory with a new message id: the receipt id makes it count once.
        messages.sendAt(new GoodsReceived(early, "STAT-1", "wh-1", 10, po, first), at(TODAY.plusDays(1)));
        // Not against any purchase order of ours: ignored, not dead-lettered.
        messages.sendAt(new GoodsReceived(UUID.randomUUID(), "STAT-1", "wh-1", 3, "PO-999999", null),
                at(TODAY));
        Envelope last = messages.sendAt(new GoodsReceived(UUID.randomUUID(), "STAT-2", "wh-1", 6, po, null),
                at(TODAY.plusDays(6)));
        Messages.awaitProcessed(firstReceipt);
        Messages.awaitProcessed(last);

        operator().get("/purchase-orders/{id}", po)
                .then()
                .body("status", equalTo("RECEIVED"))
                .body("lines.status", contains("RECEIVED", "RECEIVED"))
                .body("lines.received", contains(10, 10))
                .body("receipts", hasSize(3));
        // line 1: promised +2, arrived +1 (lead 1); line 2: promised +3, complete on +6 (3 days late, lead 6)
        operator().get("/suppliers/stat-sup/statistics")
                .then()
                .statusCode(200)
                .body("overall.settledLines", equalTo(2))
                .body("overall.deliveredLines", equalTo(2))
                .body("overall.onTimeRate", equalTo(0.5f))
                .body("overall.averageSlipDays", equalTo(1.5f))
                .body("overall.fillRate", equalTo(1.0f))
                .body("overall.leadTimeMeanDays", equalTo(3.5f))
                .body("overall.leadTimeStdDevDays", equalTo(3.54f))
                .body("bySku.sku", contains("STAT-1", "STAT-2"))
                .body("bySku[1].figures.onTimeRate", equalTo(0.0f));
        operator().get("/statistics").then().statusCode(200).body("supplierId", hasItem("stat-sup"));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
