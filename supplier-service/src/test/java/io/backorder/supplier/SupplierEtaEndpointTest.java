package io.backorder.supplier;

import static io.backorder.supplier.Messages.field;
import static io.backorder.supplier.SupplierFixtures.agreement;
import static io.backorder.supplier.SupplierFixtures.asSupplier;
import static io.backorder.supplier.SupplierFixtures.lineId;
import static io.backorder.supplier.SupplierFixtures.operator;
import static io.backorder.supplier.SupplierFixtures.purchaseOrder;
import static io.backorder.supplier.SupplierFixtures.supplier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.inventory.GoodsReceived;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The supplier ETA endpoint: confirmations, ETA changes, shipment advice, declines, and their guards. */
@QuarkusTest
class SupplierEtaEndpointTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String ORDERS = "/supplier/purchase-orders";

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
    void confirmingAndChangingEtasTellsInventoryExactlyOnceEvenWhenRetried() {
        String po = orderFrom("eta-sup", "ETA-1", 10);
        String line = lineId(po, 1);

        confirm("eta-sup", po, Map.of(line, TODAY.plusDays(4)))
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("lines[0].eta", equalTo(TODAY.plusDays(4).toString()))
                .body("lines[0].etaConfirmed", equalTo(true));
        JsonNode confirmed = messages.awaitSent(Addresses.INVENTORY_INBOX, "EtaChanged",
                field("purchaseOrderLineId", line));
        assertThat(confirmed.path("previousEta").asText()).isEqualTo(TODAY.plusDays(5).toString());
        assertThat(confirmed.path("newEta").asText()).isEqualTo(TODAY.plusDays(4).toString());
        assertThat(confirmed.path("confirmed").asBoolean()).isTrue();
        assertThat(confirmed.path("supplierId").asText()).isEqualTo("eta-sup");

        String key = UUID.randomUUID().toString();
        Map<String, Object> change = Map.of("eta", TODAY.plusDays(6).toString(), "reason", "port congestion");
        String first = changeEta("eta-sup", po, line, key, change).then()
                .statusCode(200)
                .body("lines[0].etaHistory.kind", contains("ISSUED", "CONFIRMED", "CHANGED"))
                .extract()
                .asString();
        String retried = changeEta("eta-sup", po, line, key, change).then().statusCode(200).extract().asString();
        assertThat(retried).isEqualTo(first);
        changeEta("eta-sup", po, line, key, Map.of("eta", TODAY.plusDays(9).toString()))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("different request"));
        // The same ETA again is no change: nothing recorded, nobody told.
        changeEta("eta-sup", po, line, null, change).then().statusCode(200);
        Messages.awaitOutboxDrained();

        assertThat(messages.sent(Addresses.INVENTORY_INBOX, "EtaChanged", field("purchaseOrderLineId", line)))
                .extracting(envelope -> envelope.path("data").path("newEta").asText())
                .containsExactly(TODAY.plusDays(4).toString(), TODAY.plusDays(6).toString());
        asSupplier("eta-sup").get(ORDERS + "/{id}", po)
                .then()
                .body("lines[0].eta", equalTo(TODAY.plusDays(6).toString()))
                .body("lines[0].promisedDate", equalTo(TODAY.plusDays(4).toString()))
                .body("lines[0].etaHistory.kind", contains("ISSUED", "CONFIRMED", "CHANGED"))
                .body("lines[0].etaHistory[2].reason", equalTo("port congestion"))
                .body("lines[0].etaHistory[2].changedBy", equalTo("eta-sup"));
    }

    @Test
    void badDatesAndQuantitiesAreRefusedAndChangeNothing() {
        String po = orderFrom("eta-bad", "ETA-BAD", 10);
        String line = lineId(po, 1);

        confirm("eta-bad", po, Map.of(line, TODAY.minusDays(1)))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("in the past"));
        asSupplier("eta-bad").body(Map.of("lines", List.of(Map.of("lineId", line))))
                .post(ORDERS + "/{id}/confirmation", po)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("lines[0].eta"));
        asSupplier("eta-bad").body("{\"lines\": [")
                .post(ORDERS + "/{id}/confirmation", po)
                .then()
                .statusCode(400)
                .body("detail", not(containsString("Exception")));
        ship("eta-bad", po, line, 1).then().statusCode(409).contentType("application/problem+json");
        changeEta("eta-bad", po, line, null, Map.of("eta", TODAY.minusDays(1).toString())).then().statusCode(422);
        assertUntouched("eta-bad", po);

        confirm("eta-bad", po, Map.of(line, TODAY.plusDays(3))).then().statusCode(200);
        confirm("eta-bad", po, Map.of(line, TODAY.plusDays(3))).then().statusCode(409);
        changeEta("eta-bad", po, line, null, Map.of("eta", TODAY.minusDays(2).toString()))
                .then()
                .statusCode(422);
        ship("eta-bad", po, line, 11).then().statusCode(422).body("detail", containsString("10 units left"));
        asSupplier("eta-bad").body(Map.of("trackingNumber", "T-1", "shippedOn", TODAY.plusDays(1).toString(),
                "lines", List.of(Map.of("lineId", line, "quantity", 1))))
                .post(ORDERS + "/{id}/shipments", po)
                .then()
                .statusCode(422)
                .body("detail", containsString("shipping date"));
        ship("eta-bad", po, line, 0).then().statusCode(400).body("violations.field", hasItem("lines[0].quantity"));
        changeEta("eta-bad", po, po + "-9", null, Map.of("eta", TODAY.plusDays(3).toString())).then().statusCode(404);

        asSupplier("eta-bad").get(ORDERS + "/{id}", po)
                .then()
                .body("lines[0].shipped", equalTo(0))
                .body("lines[0].eta", equalTo(TODAY.plusDays(3).toString()))
                .body("shipments", hasSize(0));
    }

    @Test
    void anEtaSetOnALineConfirmsThatLineAndTheOrderOnceAllAre() {
        supplier("eta-lines");
        agreement("eta-lines", "ETA-L1", "5.00", 5, Map.of());
        agreement("eta-lines", "ETA-L2", "5.00", 5, Map.of());
        String po = purchaseOrder("eta-lines", "wh-1", Map.of("ETA-L1", 3, "ETA-L2", 4));
        String first = lineId(po, 1);

        changeEta("eta-lines", po, first, null, Map.of("eta", TODAY.plusDays(2).toString()))
                .then()
                .statusCode(200)
                .body("status", equalTo("ISSUED"))
                .body("lines.status", contains("CONFIRMED", "ISSUED"))
                .body("lines[0].etaHistory.kind", contains("ISSUED", "CONFIRMED"));
        JsonNode confirmed = messages.awaitSent(Addresses.INVENTORY_INBOX, "EtaChanged",
                field("purchaseOrderLineId", first));
        assertThat(confirmed.path("confirmed").asBoolean()).isTrue();
        assertThat(confirmed.path("previousEta").asText()).isEqualTo(TODAY.plusDays(5).toString());

        confirm("eta-lines", po, Map.of(first, TODAY.plusDays(2), lineId(po, 2), TODAY.plusDays(6)))
                .then()
                .statusCode(409)
                .body("detail", containsString("is CONFIRMED"));
        confirm("eta-lines", po, Map.of(lineId(po, 2), TODAY.plusDays(6)))
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("lines.eta", contains(TODAY.plusDays(2).toString(), TODAY.plusDays(6).toString()));
    }

    @Test
    void shipmentsAndReceiptsMoveTheOrderToReceived() {
        String po = orderFrom("eta-ship", "ETA-SHIP", 10);
        String line = lineId(po, 1);
        confirm("eta-ship", po, Map.of(line, TODAY.plusDays(2))).then().statusCode(200);

        String key = UUID.randomUUID().toString();
        ship("eta-ship", po, line, 4, key).then().statusCode(200).body("status", equalTo("PARTIALLY_SHIPPED"));
        ship("eta-ship", po, line, 4, key).then().statusCode(200).body("lines[0].shipped", equalTo(4));
        ship("eta-ship", po, line, 6, null)
                .then()
                .statusCode(200)
                .body("status", equalTo("SHIPPED"))
                .body("shipments.trackingNumber", contains("TRACK-4", "TRACK-6"))
                .body("shipments[0].lines[0].quantity", equalTo(4));
        changeEta("eta-ship", po, line, null, Map.of("eta", TODAY.plusDays(3).toString())).then().statusCode(409);

        Messages.awaitProcessed(messages.send(new GoodsReceived(UUID.randomUUID(), "ETA-SHIP", "wh-1", 10, po,
                line)));

        asSupplier("eta-ship").get(ORDERS + "/{id}", po)
                .then()
                .body("status", equalTo("RECEIVED"))
                .body("lines[0].received", equalTo(10))
                .body("receipts", hasSize(1));
        ship("eta-ship", po, line, 1).then().statusCode(409);
    }

    @Test
    void aSupplierListsOnlyItsOwnOrders() {
        String own = orderFrom("list-own", "LIST-1", 5);
        String other = orderFrom("list-other", "LIST-2", 5);

        asSupplier("list-own").get(ORDERS)
                .then()
                .statusCode(200)
                .body("id", hasItem(own))
                .body("id", not(hasItem(other)))
                .body("supplierId", not(hasItem("list-other")));
        asSupplier("list-own").get(ORDERS + "?status=CANCELLED").then().body("id", not(hasItem(own)));
    }

    @Test
    void supplierEndpointsNeedASupplierTokenNamingTheSupplier() {
        given().get(ORDERS).then().statusCode(401);
        given().auth().oauth2(Tokens.operator()).get(ORDERS).then().statusCode(403);
        given().auth().oauth2(Tokens.platform()).get(ORDERS).then().statusCode(403);
        String anonymousSupplier = Tokens.keys().token("someone", Set.of("supplier"), Map.of(), Duration.ofHours(1));
        given().auth()
                .oauth2(anonymousSupplier)
                .get(ORDERS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void eachSupplierIsRateLimitedOnItsOwn() {
        supplier("throttled-supplier");
        for (int i = 0; i < 3; i++) {
            asSupplier("throttled-supplier").get(ORDERS).then().statusCode(200);
        }
        Response limited = asSupplier("throttled-supplier").get(ORDERS);

        limited.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("title", equalTo("Too many requests"));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        // Bad requests are limited too: the limit applies before the body is read.
        asSupplier("throttled-supplier").contentType(ContentType.JSON)
                .body("{")
                .post(ORDERS + "/PO-1/confirmation")
                .then()
                .statusCode(429);
        asSupplier("not-throttled").get(ORDERS).then().statusCode(200);
    }

    private String orderFrom(String supplierId, String sku, int quantity) {
        supplier(supplierId);
        agreement(supplierId, sku, "5.00", 5, Map.of());
        return purchaseOrder(supplierId, "wh-1", Map.of(sku, quantity));
    }

    private static void assertUntouched(String supplierId, String po) {
        asSupplier(supplierId).get(ORDERS + "/{id}", po)
                .then()
                .body("status", equalTo("ISSUED"))
                .body("lines[0].etaConfirmed", equalTo(false))
                .body("lines[0].etaHistory", hasSize(1))
                .body("shipments", hasSize(0));
    }

    static Response confirm(String supplierId, String po, Map<String, LocalDate> etas) {
        List<Map<String, String>> lines = etas.entrySet()
                .stream()
                .map(e -> Map.of("lineId", e.getKey(), "eta", e.getValue().toString()))
                .toList();
        return asSupplier(supplierId).body(Map.of("lines", lines)).post(ORDERS + "/{id}/confirmation", po);
    }

    static Response changeEta(String supplierId, String po, String line, String key, Map<String, Object> body) {
        var request = asSupplier(supplierId).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(ORDERS + "/{id}/lines/{line}/eta", po, line);
    }

    static Response ship(String supplierId, String po, String line, int quantity) {
        return ship(supplierId, po, line, quantity, null);
    }

    static Response ship(String supplierId, String po, String line, int quantity, String key) {
        var request = asSupplier(supplierId).body(Map.of("trackingNumber", "TRACK-" + quantity, "carrier", "DHL",
                "lines", List.of(Map.of("lineId", line, "quantity", quantity))));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(ORDERS + "/{id}/shipments", po);
    }

    static Response decline(String supplierId, String po, List<String> lines, String reason) {
        return asSupplier(supplierId).body(Map.of("reason", reason, "lineIds", lines))
                .post(ORDERS + "/{id}/declines", po);
    }
}
