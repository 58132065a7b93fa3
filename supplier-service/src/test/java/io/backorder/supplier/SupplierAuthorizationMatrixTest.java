package io.backorder.supplier;

import static io.backorder.supplier.SupplierEtaEndpointTest.ORDERS;
import static io.backorder.supplier.SupplierEtaEndpointTest.TODAY;
import static io.backorder.supplier.SupplierEtaEndpointTest.confirm;
import static io.backorder.supplier.SupplierFixtures.agreement;
import static io.backorder.supplier.SupplierFixtures.asSupplier;
import static io.backorder.supplier.SupplierFixtures.lineId;
import static io.backorder.supplier.SupplierFixtures.operator;
import static io.backorder.supplier.SupplierFixtures.purchaseOrder;
import static io.backorder.supplier.SupplierFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every id-bearing supplier endpoint, called by one supplier with another supplier's purchase orders and lines:
 * always 404, indistinguishable from an id that does not exist, and nothing changes. Each target is in a state in
 * which its owner's same call would succeed, so a missing ownership check could not hide behind a 409.
 */
@QuarkusTest
class SupplierAuthorizationMatrixTest {

    static final String INTRUDER = "matrix-intruder";
    static final String VICTIM = "matrix-victim";

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    /** One supplier endpoint that takes ids, called for a target order and line. */
    record Call(String name, Function<Target, Response> call) {
    }

    record Target(String purchaseOrderId, String lineId, String idempotencyKey) {
    }

    static final List<Call> CALLS = List.of(
            new Call("get", t -> as(INTRUDER).get(ORDERS + "/{id}", t.purchaseOrderId())),
            new Call("confirm", t -> as(INTRUDER, t).body(Map.of("lines", List.of(Map.of("lineId", t.lineId(), "eta",
                    TODAY.plusDays(3).toString())))).post(ORDERS + "/{id}/confirmation", t.purchaseOrderId())),
            new Call("change eta", t -> as(INTRUDER, t).body(Map.of("eta", TODAY.plusDays(9).toString()))
                    .post(ORDERS + "/{id}/lines/{line}/eta", t.purchaseOrderId(), t.lineId())),
            new Call("ship", t -> as(INTRUDER, t).body(Map.of("trackingNumber", "X", "lines", List.of(Map.of(
                    "lineId", t.lineId(), "quantity", 1)))).post(ORDERS + "/{id}/shipments", t.purchaseOrderId())),
            new Call("decline", t -> as(INTRUDER, t).body(Map.of("reason", "not mine", "lineIds", List.of(t
                    .lineId()))).post(ORDERS + "/{id}/declines", t.purchaseOrderId())));

    @Test
    void anotherSuppliersOrdersAndLinesAreNotFoundAndUnchanged() {
        supplier(INTRUDER);
        supplier(VICTIM);
        agreement(INTRUDER, "MATRIX-1", "2.00", 5, Map.of());
        agreement(VICTIM, "MATRIX-1", "2.00", 5, Map.of());
        agreement(VICTIM, "MATRIX-2", "2.00", 5, Map.of());
        String own = purchaseOrder(INTRUDER, "wh-1", Map.of("MATRIX-1", 10));
        // One victim order still issued (confirm and decline would succeed for its owner), one confirmed (ETA
        // changes and shipments would).
        String issued = purchaseOrder(VICTIM, "wh-1", Map.of("MATRIX-1", 10, "MATRIX-2", 10));
        String confirmed = purchaseOrder(VICTIM, "wh-1", Map.of("MATRIX-1", 10));
        confirm(VICTIM, confirmed, Map.of(lineId(confirmed, 1), TODAY.plusDays(4))).then().statusCode(200);
        Messages.awaitOutboxDrained();
        int messagesBefore = broker.peekMessageBodies(Addresses.INVENTORY_INBOX).size();
        String victimIssuedBefore = operatorView(issued);
        String victimConfirmedBefore = operatorView(confirmed);
        String ownBefore = operatorView(own);

        List<Target> foreign = List.of(
                new Target(issued, lineId(issued, 1), null),
                new Target(confirmed, lineId(confirmed, 1), null),
                new Target(issued, lineId(issued, 2), UUID.randomUUID().toString()),
                new Target(confirmed, lineId(confirmed, 1), UUID.randomUUID().toString()),
                // the caller's own order with another supplier's line
                new Target(own, lineId(confirmed, 1), null),
                // ids that exist nowhere answer the same
                new Target("PO-999999", "PO-999999-1", null));
        for (Target target : foreign) {
            for (Call call : CALLS) {
                if (call.name().equals("get") && target.purchaseOrderId().equals(own)) {
                    continue;
                }
                call.call()
                        .apply(target)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("title", equalTo("Not found"));
            }
        }
        asSupplier(INTRUDER).get(ORDERS)
                .then()
                .body("id", not(hasItem(issued)))
                .body("id", not(hasItem(confirmed)));

        Messages.awaitOutboxDrained();
        assertThat(broker.peekMessageBodies(Addresses.INVENTORY_INBOX)).hasSize(messagesBefore);
        assertThat(operatorView(issued)).isEqualTo(victimIssuedBefore);
        assertThat(operatorView(confirmed)).isEqualTo(victimConfirmedBefore);
        assertThat(operatorView(own)).isEqualTo(ownBefore);

        // The owner's own calls do succeed: the 404s above were about ownership, not state.
        String key = UUID.randomUUID().toString();
        asSupplier(VICTIM).header("Idempotency-Key", key)
                .body(Map.of("eta", TODAY.plusDays(9).toString()))
                .post(ORDERS + "/{id}/lines/{line}/eta", confirmed, lineId(confirmed, 1))
                .then()
                .statusCode(200);
        asSupplier(VICTIM).body(Map.of("trackingNumber", "X", "lines", List.of(Map.of("lineId", lineId(confirmed, 1),
                "quantity", 1))))
                .post(ORDERS + "/{id}/shipments", confirmed)
                .then()
                .statusCode(200)
                .body("status", equalTo("PARTIALLY_SHIPPED"));
        asSupplier(VICTIM).body(Map.of("reason", "discontinued", "lineIds", List.of(lineId(issued, 2))))
                .post(ORDERS + "/{id}/declines", issued)
                .then()
                .statusCode(200)
                .body("lines[1].status", equalTo("CANCELLED"));
        confirm(VICTIM, issued, Map.of(lineId(issued, 1), TODAY.plusDays(3)))
                .then()
                .statusCode(200)
                .body("lines.status", contains("CONFIRMED", "CANCELLED"));
        asSupplier(VICTIM).get(ORDERS + "/{id}", issued).then().statusCode(200);
        operator().get("/purchase-orders/{id}", issued).then().body("lines", hasSize(2));
    }

    private static String operatorView(String purchaseOrderId) {
        return operator().get("/purchase-orders/{id}", purchaseOrderId).then().statusCode(200).extract().asString();
    }

    private static RequestSpecification as(String supplierId) {
        return asSupplier(supplierId);
    }

    private static RequestSpecification as(String supplierId, Target target) {
        RequestSpecification request = asSupplier(supplierId);
        return target.idempotencyKey() == null ? request : request.header("Idempotency-Key", target.idempotencyKey());
    }
}
