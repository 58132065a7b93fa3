package io.backorder.supplier;

import static io.backorder.supplier.Messages.field;
import static io.backorder.supplier.SupplierEtaEndpointTest.ORDERS;
import static io.backorder.supplier.SupplierEtaEndpointTest.TODAY;
import static io.backorder.supplier.SupplierEtaEndpointTest.confirm;
import static io.backorder.supplier.SupplierEtaEndpointTest.decline;
import static io.backorder.supplier.SupplierEtaEndpointTest.ship;
import static io.backorder.supplier.SupplierFixtures.agreement;
import static io.backorder.supplier.SupplierFixtures.asSupplier;
import static io.backorder.supplier.SupplierFixtures.lineId;
import static io.backorder.supplier.SupplierFixtures.operator;
import static io.backorder.supplier.SupplierFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.BackorderRecorded;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;

/** A backordered line shipped by a supplier straight to the customer, when that beats waiting for stock. */
@QuarkusTest
class DropshipFlowTest {

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
    void aBackorderedLineIsFulfilledByTheSupplierDirectly() {
        supplier("ds-stock");
        supplier("ds-direct");
        agreement("ds-stock", "DS-1", "10.00", 20, Map.of());
        agreement("ds-direct", "DS-1", "11.00", 20, Map.of("dropship", true, "dropshipLeadTimeDays", 3,
                "dropshipFee", "1.00"));
        UUID orderId = UUID.randomUUID();
        UUID lineId = UUID.randomUUID();

        messages.send(new BackorderRecorded(orderId, lineId, "DS-1", 2, TODAY.plusDays(21), BackorderKind.BACKORDER));

        JsonNode toOrder = messages.awaitSent(Addresses.ORDER_INBOX, "DropshipArranged", field("lineId", lineId));
        JsonNode toInventory = messages.awaitSent(Addresses.INVENTORY_INBOX, "DropshipArranged",
                field("lineId", lineId));
        assertThat(toInventory).isEqualTo(toOrder);
        assertThat(toOrder.path("orderId").asText()).isEqualTo(orderId.toString());
        assertThat(toOrder.path("supplierId").asText()).isEqualTo("ds-direct");
        assertThat(toOrder.path("quantity").asInt()).isEqualTo(2);
        assertThat(toOrder.path("eta").asText()).isEqualTo(TODAY.plusDays(3).toString());
        String po = toOrder.path("purchaseOrderId").asText();

        asSupplier("ds-direct").get(ORDERS + "/{id}", po)
                .then()
                .statusCode(200)
                .body("kind", equalTo("DROPSHIP"))
                .body("orderId", equalTo(orderId.toString()))
                .body("orderLineId", equalTo(lineId.toString()))
                .body("locationId", equalTo(null))
                .body("lines[0].quantity", equalTo(2));
        operator().get("/supplier-choices?demandId=" + lineId)
                .then()
                .body("[0].kind", equalTo("DROPSHIP"))
                .body("[0].outcome", equalTo("DROPSHIP_ARRANGED"))
                .body("[0].mode", equalTo("DROPSHIP"))
                .body("[0].reasons", hasItem(containsString("Faster than waiting")));

        String line = lineId(po, 1);
        confirm("ds-direct", po, Map.of(line, TODAY.plusDays(3))).then().statusCode(200);
        ship("ds-direct", po, line, 2).then().statusCode(200).body("status", equalTo("RECEIVED"));
        Messages.awaitOutboxDrained();
        // A dropship order is no inbound supply: inventory hears of it only through DropshipArranged.
        assertThat(messages.sent(Addresses.INVENTORY_INBOX, "PurchaseOrderIssued",
                field("purchaseOrderId", po))).isEmpty();
        assertThat(messages.sent(Addresses.INVENTORY_INBOX, "EtaChanged", field("purchaseOrderId", po))).isEmpty();
    }

    @Test
    void aDropshipThatIsNeitherFasterNorCheaperLeavesTheLineWaiting() {
        supplier("ds-wait-stock");
        supplier("ds-wait-slow");
        agreement("ds-wait-stock", "DS-WAIT", "10.00", 5, Map.of());
        agreement("ds-wait-slow", "DS-WAIT", "30.00", 20, Map.of("dropship", true, "dropshipLeadTimeDays", 15));
        UUID lineId = UUID.randomUUID();
        UUID preorderLine = UUID.randomUUID();

        messages.send(new BackorderRecorded(UUID.randomUUID(), lineId, "DS-WAIT", 1, TODAY.plusDays(6),
                BackorderKind.BACKORDER));
        Messages.awaitProcessed(messages.send(new BackorderRecorded(UUID.randomUUID(), preorderLine, "DS-WAIT", 1,
                TODAY.plusDays(60), BackorderKind.PREORDER)));

        operator().get("/supplier-choices?demandId=" + lineId)
                .then()
                .body("[0].outcome", equalTo("KEPT_WAITING"))
                .body("[0].purchaseOrderId", equalTo(null))
                .body("[0].reasons", hasItem(containsString("Kept waiting")));
        operator().get("/supplier-choices?demandId=" + preorderLine)
                .then()
                .body("[0].outcome", equalTo("KEPT_WAITING"))
                .body("[0].reasons[0]", containsString("pre-order"));
        Messages.awaitOutboxDrained();
        assertThat(messages.sent(Addresses.ORDER_INBOX, "DropshipArranged", field("sku", "DS-WAIT"))).isEmpty();
        operator().get("/purchase-orders?sku=DS-WAIT").then().body("$", hasSize(0));
    }

    @Test
    void aDeclinedDropshipGoesToAnotherDropshipSupplier() {
        supplier("ds-first");
        supplier("ds-second");
        agreement("ds-first", "DS-ALT", "5.00", 20, Map.of("dropship", true, "dropshipLeadTimeDays", 2));
        agreement("ds-second", "DS-ALT", "6.00", 20, Map.of("dropship", true, "dropshipLeadTimeDays", 4));
        UUID orderId = UUID.randomUUID();
        UUID lineId = UUID.randomUUID();
        messages.send(new BackorderRecorded(orderId, lineId, "DS-ALT", 1, TODAY.plusDays(21),
                BackorderKind.BACKORDER));
        String first = messages.awaitSent(Addresses.ORDER_INBOX, "DropshipArranged", field("supplierId", "ds-first"))
                .path("purchaseOrderId")
                .asText();

        decline("ds-first", first, List.of(lineId(first, 1)), "out of stock at the plant")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));

        JsonNode second = messages.awaitSent(Addresses.ORDER_INBOX, "DropshipArranged",
                field("supplierId", "ds-second"));
        assertThat(second.path("lineId").asText()).isEqualTo(lineId.toString());
        assertThat(second.path("purchaseOrderId").asText()).isNotEqualTo(first);
        operator().get("/supplier-choices?demandId=" + lineId + "&kind=ALTERNATIVE_AFTER_DECLINE")
                .then()
                .body("[0].outcome", equalTo("DROPSHIP_ARRANGED"))
                .body("[0].replacesLineId", equalTo(lineId(first, 1)))
                .body("[0].offers.find { it.supplierId == 'ds-first' }.exclusion",
                        containsString("already declined"));
    }
}
