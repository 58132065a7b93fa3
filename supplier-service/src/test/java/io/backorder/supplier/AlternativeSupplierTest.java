package io.backorder.supplier;

import static io.backorder.supplier.Messages.field;
import static io.backorder.supplier.SupplierEtaEndpointTest.TODAY;
import static io.backorder.supplier.SupplierEtaEndpointTest.changeEta;
import static io.backorder.supplier.SupplierEtaEndpointTest.confirm;
import static io.backorder.supplier.SupplierEtaEndpointTest.decline;
import static io.backorder.supplier.SupplierFixtures.agreement;
import static io.backorder.supplier.SupplierFixtures.lineId;
import static io.backorder.supplier.SupplierFixtures.operator;
import static io.backorder.supplier.SupplierFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.inventory.ReplenishmentRequested;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;

/** When a supplier declines a line or its ETA slips past the limit, the line moves to an alternative supplier. */
@QuarkusTest
class AlternativeSupplierTest {

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
    void aDeclinedLineIsCancelledForInventoryAndOrderedFromTheNextSupplier() {
        supplier("alt-cheap");
        supplier("alt-backup");
        agreement("alt-cheap", "ALT-1", "3.00", 5, Map.of());
        agreement("alt-backup", "ALT-1", "4.00", 6, Map.of("packSize", 25));
        UUID requestId = UUID.randomUUID();
        String first = requestFor(requestId, "ALT-1", 40, 10, "alt-cheap");
        String firstLine = lineId(first, 1);

        decline("alt-cheap", first, List.of(firstLine), "factory fire")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("lines[0].cancelled", equalTo(40))
                .body("lines[0].cancelCause", equalTo("DECLINED"));

        JsonNode cancelled = messages.awaitSent(Addresses.INVENTORY_INBOX, "PurchaseOrderLineCancelled",
                field("purchaseOrderLineId", firstLine));
        assertThat(cancelled.path("undeliveredQuantity").asInt()).isEqualTo(40);
        assertThat(cancelled.path("reason").asText()).contains("factory fire");
        JsonNode replacement = messages.awaitSent(Addresses.INVENTORY_INBOX, "PurchaseOrderIssued",
                issuedTo("alt-backup", "ALT-1"));
        assertThat(replacement.path("lines").path(0).path("quantity").asInt()).isEqualTo(50);
        // The request was answered by the first order already; the replacement must not answer it again.
        assertThat(replacement.path("replenishmentRequestId").isNull()).isTrue();
        String second = replacement.path("purchaseOrderId").asText();
        operator().get("/supplier-choices?demandId=" + requestId + "&kind=ALTERNATIVE_AFTER_DECLINE")
                .then()
                .body("[0].outcome", equalTo("PURCHASE_ORDER_ISSUED"))
                .body("[0].supplierId", equalTo("alt-backup"))
                .body("[0].purchaseOrderId", equalTo(second))
                .body("[0].replacesLineId", equalTo(firstLine));

        // The backup declines too: the first supplier is not asked again, and nobody else is left.
        decline("alt-backup", second, List.of(lineId(second, 1)), "no capacity").then().statusCode(200);
        messages.awaitSent(Addresses.INVENTORY_INBOX, "PurchaseOrderLineCancelled",
                field("purchaseOrderLineId", lineId(second, 1)));
        operator().get("/supplier-choices?demandId=" + requestId + "&outcome=NO_AGREEMENT")
                .then()
                .body("[0].kind", equalTo("ALTERNATIVE_AFTER_DECLINE"))
                .body("[0].reasons", hasItem(containsString("Every agreement for ALT-1 is excluded")));
        Messages.awaitOutboxDrained();
        assertThat(messages.sent(Addresses.INVENTORY_INBOX, "PurchaseOrderIssued", issuedTo("alt-cheap", "ALT-1")))
                .hasSize(1);
    }

    @Test
    void anEtaSlippedPastTheLimitMovesTheLineToAFasterSupplier() {
        supplier("slip-first");
        supplier("slip-other");
        agreement("slip-first", "SLIP-1", "3.00", 5, Map.of());
        agreement("slip-other", "SLIP-1", "4.00", 8, Map.of());
        UUID requestId = UUID.randomUUID();
        String po = requestFor(requestId, "SLIP-1", 10, 10, "slip-first");
        String line = lineId(po, 1);
        confirm("slip-first", po, Map.of(line, TODAY.plusDays(5))).then().statusCode(200);

        changeEta("slip-first", po, line, null, Map.of("eta", TODAY.plusDays(20).toString(), "reason", "strike"))
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("lines[0].cancelCause", equalTo("SLIPPED"));

        messages.awaitSent(Addresses.INVENTORY_INBOX, "EtaChanged", field("purchaseOrderLineId", line)
                .and(field("newEta", TODAY.plusDays(20))));
        JsonNode cancelled = messages.awaitSent(Addresses.INVENTORY_INBOX, "PurchaseOrderLineCancelled",
                field("purchaseOrderLineId", line));
        assertThat(cancelled.path("reason").asText()).contains("slipped");
        JsonNode replacement = messages.awaitSent(Addresses.INVENTORY_INBOX, "PurchaseOrderIssued",
                issuedTo("slip-other", "SLIP-1"));
        assertThat(replacement.path("lines").path(0).path("expectedDate").asText())
                .isEqualTo(TODAY.plusDays(8).toString());
        operator().get("/supplier-choices?demandId=" + requestId + "&kind=ALTERNATIVE_AFTER_SLIP")
                .then()
                .body("[0].outcome", equalTo("PURCHASE_ORDER_ISSUED"))
                .body("[0].reasons", hasItem(containsString("15 days past the requested")));
    }

    @Test
    void aSlipStaysWithItsSupplierWhenNoAlternativeIsFaster() {
        supplier("slip-stay");
        supplier("slip-slower");
        agreement("slip-stay", "SLIP-2", "3.00", 5, Map.of());
        agreement("slip-slower", "SLIP-2", "4.00", 40, Map.of());
        UUID requestId = UUID.randomUUID();
        String po = requestFor(requestId, "SLIP-2", 10, 50, "slip-stay");
        String line = lineId(po, 1);
        confirm("slip-stay", po, Map.of(line, TODAY.plusDays(5))).then().statusCode(200);

        changeEta("slip-stay", po, line, null, Map.of("eta", TODAY.plusDays(25).toString()))
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("lines[0].eta", equalTo(TODAY.plusDays(25).toString()));

        operator().get("/supplier-choices?demandId=" + requestId + "&kind=ALTERNATIVE_AFTER_SLIP")
                .then()
                .body("[0].outcome", equalTo("KEPT_CURRENT"))
                .body("[0].reasons", hasItem(containsString("the line stays with slip-stay")));
        Messages.awaitOutboxDrained();
        assertThat(messages.sent(Addresses.INVENTORY_INBOX, "PurchaseOrderLineCancelled",
                field("purchaseOrderLineId", line))).isEmpty();
    }

    /** Sends a replenishment request and returns the purchase order it became, checking who got it. */
    private String requestFor(UUID requestId, String sku, int quantity, int needByDays, String expectedSupplier) {
        messages.send(new ReplenishmentRequested(requestId, sku, "wh-1", quantity, TODAY.plusDays(needByDays), false,
                "test", null));
        return messages.awaitSent(Addresses.INVENTORY_INBOX, "PurchaseOrderIssued", issuedTo(expectedSupplier, sku))
                .path("purchaseOrderId")
                .asText();
    }

    private static Predicate<JsonNode> issuedTo(String supplierId, String sku) {
        return data -> data.path("supplierId").asText().equals(supplierId)
                && data.path("lines").path(0).path("sku").asText().equals(sku);
    }
}
