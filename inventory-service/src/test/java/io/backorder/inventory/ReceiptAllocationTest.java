package io.backorder.inventory;

import static io.backorder.inventory.Orders.TODAY;
import static io.backorder.inventory.Orders.order;
import static io.backorder.inventory.Wire.field;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.inventory.service.ReservationService;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Goods received through the receipt endpoint go to waiting lines by priority; the decisions reach the broker. */
@QuarkusTest
class ReceiptAllocationTest {

    private static final String WH = "receipt-wh";

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
    void receivedUnitsGoToTheHighestScoresFirstFifoWithinATieAndPartiallyWhereAllowed() {
        String sku = "RCPT-PRIO";
        InventoryFixtures.sku(sku, "ALLOW", Map.of());
        Instant sameMoment = Instant.now().minus(Duration.ofDays(1));
        Orders standardFirst = reserve(order().placedAt(sameMoment).line(sku, 2));
        Orders platinum = reserve(order().tier(CustomerTier.PLATINUM).line(sku, 2));
        Orders standardSecond = reserve(order().placedAt(sameMoment).line(sku, 2));
        Orders goldLargeOld = reserve(order().tier(CustomerTier.GOLD).value("5000.00").placedDaysAgo(5).line(sku, 2));

        JsonPath receipt = InventoryFixtures.receive(WH, sku, 5).jsonPath();

        // gold 20 + value 18.5 + age 5 > platinum 30 + value 5.21 > standard 5.21 + age 1 (twice: first come first)
        assertThat(receipt.getList("allocations.lineId")).containsExactly(goldLargeOld.lineId(0).toString(),
                platinum.lineId(0).toString(), standardFirst.lineId(0).toString());
        assertThat(receipt.getList("allocations.units", Integer.class)).containsExactly(2, 2, 1);
        assertThat(receipt.getString("allocations[0].explanation")).contains("tier GOLD +20", "waiting 5 days +5",
                "completes the line");
        assertThat(receipt.getString("allocations[2].explanation")).contains("partial: 1 of 2");

        JsonNode partial = wire.awaitToOrders("StockAllocated", field("lineId", standardFirst.lineId(0)));
        assertThat(partial.path("quantity").asInt()).isEqualTo(1);
        assertThat(partial.path("remainingBackordered").asInt()).isEqualTo(1);
        assertThat(partial.path("priorityScore").asDouble()).isEqualTo(6.21);
        assertThat(partial.path("locationId").asText()).isEqualTo(WH);
        wire.awaitToOrders("StockAllocated", field("lineId", goldLargeOld.lineId(0)));
        wire.awaitToOrders("StockAllocated", field("lineId", platinum.lineId(0)));
        assertThat(wire.toOrders("StockAllocated", field("lineId", standardSecond.lineId(0)))).isEmpty();

        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/{sku}", sku)
                .then()
                .body("onHand", equalTo(5))
                .body("reserved", equalTo(5))
                .body("backordered", equalTo(3))
                .body("backorderedLines", equalTo(2))
                .body("backlogLines", equalTo(3));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/skus/{sku}/backorders", sku)
                .then()
                .body("lines.lineId", contains(standardFirst.lineId(0).toString(),
                        standardSecond.lineId(0).toString()))
                .body("lines[0].waiting", equalTo(1))
                .body("lines[0].reserved", equalTo(1))
                .body("lines[0].priority.total", equalTo(6.21f))
                .body("lines[0].priority.age", equalTo(1.0f))
                .body("lines[1].unitsThrough", equalTo(3));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/{sku}/journal", sku)
                .then()
                .body("[0].reason", equalTo("RECEIPT"))
                .body("[0].delta", equalTo(5))
                .body("[0].onHandAfter", equalTo(5));
    }

    @Test
    void aShipCompleteOrderTakesUnitsOnlyWhenEveryWaitingLineCanBeCompleted() {
        InventoryFixtures.sku("SC-A", "ALLOW", Map.of());
        InventoryFixtures.sku("SC-B", "ALLOW", Map.of());
        Orders complete = reserve(order().tier(CustomerTier.PLATINUM)
                .shipComplete()
                .line("SC-A", 2)
                .line("SC-B",
                        1));
        Orders partialOk = reserve(order().line("SC-A", 2));

        JsonPath firstA = InventoryFixtures.receive(WH, "SC-A", 2).jsonPath();

        // the ship-complete order ranks first but cannot ship without SC-B: its units go on instead of stranding
        assertThat(firstA.getList("allocations.lineId")).containsExactly(partialOk.lineId(0).toString());

        JsonPath secondA = InventoryFixtures.receive(WH, "SC-A", 2).jsonPath();
        assertThat(secondA.getList("allocations")).isEmpty();
        given().auth()
                .oauth2(Tokens.operator())
                .get("/skus/{sku}/backorders", "SC-A")
                .then()
                .body("freeUnits", equalTo(2))
                .body("lines[0].lineId", equalTo(complete.lineId(0).toString()));

        JsonPath b = InventoryFixtures.receive(WH, "SC-B", 1).jsonPath();

        assertThat(b.getList("allocations.lineId")).containsExactlyInAnyOrder(complete.lineId(0).toString(),
                complete.lineId(1).toString());
        assertThat(b.getString("allocations[0].explanation")).contains("completes all 2 waiting lines");
        wire.awaitToOrders("StockAllocated", field("lineId", complete.lineId(0)));
        wire.awaitToOrders("StockAllocated", field("lineId", complete.lineId(1)));
        given().auth().oauth2(Tokens.operator()).get("/stock/SC-A").then().body("available", equalTo(0));
    }

    @Test
    void aReceiptAgainstAPurchaseOrderLineClosesItAndTellsTheSupplier() {
        String sku = "RCPT-PO";
        InventoryFixtures.sku(sku, "ALLOW", Map.of("leadTimeDays", 30));
        wire.send(new PurchaseOrderIssued("PO-RCPT", "supplier-7", WH, List.of(
                new PurchaseOrderIssued.Line("PO-RCPT-1", sku, 3, TODAY.plusDays(4))), null));
        await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.operator())
                        .get("/stock/{sku}", sku)
                        .then()
                        .body("inbound", equalTo(3)));
        Orders waiting = reserve(order().line(sku, 1));

        given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("locationId", WH, "lines", List.of(Map.of("sku", sku, "quantity", 4,
                        "purchaseOrderLineId", "PO-RCPT-1"))))
                .post("/receipts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("expects 3 more units"));

        String receiptId = given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("locationId", WH, "lines", List.of(Map.of("sku", sku, "quantity", 3,
                        "purchaseOrderLineId", "PO-RCPT-1"))))
                .post("/receipts")
                .then()
                .statusCode(201)
                .header("Location", containsString("/receipts/"))
                .body("allocations[0].lineId", equalTo(waiting.lineId(0).toString()))
                .extract()
                .path("receiptId");

        JsonNode received = wire.awaitToSuppliers("GoodsReceived", field("receiptId", receiptId));
        assertThat(received.path("purchaseOrderId").asText()).isEqualTo("PO-RCPT");
        assertThat(received.path("quantity").asInt()).isEqualTo(3);
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/{sku}", sku)
                .then()
                .body("inbound", equalTo(0))
                .body("available", equalTo(2));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/receipts/{id}", receiptId)
                .then()
                .statusCode(200)
                .body("lines[0].purchaseOrderLineId", equalTo("PO-RCPT-1"))
                .body("allocations[0].units", equalTo(1));
    }

    @Test
    void aRetriedReceiptIsRecordedOnceAndAReusedKeyWithAnotherBodyIsRefused() {
        String sku = "RCPT-IDEM";
        InventoryFixtures.sku(sku, "ALLOW", Map.of());
        Map<String, Object> body = Map.of("locationId", WH, "lines", List.of(Map.of("sku", sku, "quantity", 2)));
        String key = UUID.randomUUID().toString();

        String first = postReceipt(key, body, 201);
        String again = postReceipt(key, body, 200);
        assertThat(again).isEqualTo(first);
        given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("locationId", WH, "lines", List.of(Map.of("sku", sku, "quantity", 3))))
                .post("/receipts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");

        given().auth().oauth2(Tokens.operator()).get("/stock/{sku}", sku).then().body("onHand", equalTo(2));
    }

    @Test
    void aRetriedReceiptReturnsTheSameAllocationsAndTheLogKeepsEveryPlacementWithItsScore() {
        String sku = "RCPT-REPLAY";
        InventoryFixtures.sku(sku, "ALLOW", Map.of());
        Orders gold = reserve(order().tier(CustomerTier.GOLD).placedDaysAgo(3).line(sku, 2));
        Orders standard = reserve(order().line(sku, 3));
        Orders silver = reserve(order().tier(CustomerTier.SILVER).line(sku, 1));
        Map<String, Object> body = Map.of("locationId", WH, "lines", List.of(Map.of("sku", sku, "quantity", 4)));
        String key = UUID.randomUUID().toString();

        JsonPath first = postReceiptJson(key, body, 201);
        JsonPath again = postReceiptJson(key, body, 200);
        JsonPath read = given().auth()
                .oauth2(Tokens.operator())
                .get("/receipts/{id}", first.getString("receiptId"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<Map<String, Object>> allocations = first.getList("allocations");
        assertThat(allocations).hasSize(3);
        assertThat(first.getList("allocations.lineId")).containsExactly(gold.lineId(0).toString(),
                silver.lineId(0).toString(), standard.lineId(0).toString());
        assertThat(first.getList("allocations.units", Integer.class)).containsExactly(2, 1, 1);
        assertThat(first.getString("allocations[2].explanation")).contains("partial: 1 of 3");
        assertThat(again.getList("allocations")).isEqualTo(allocations);
        assertThat(read.getList("allocations")).isEqualTo(allocations);

        // the log, one row per placement through the allocation view, with every part of the score
        List<Object[]> logged = Orders.await(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery("""
                        select a.line_id, a.units, a.score_total, a.explanation, a.score_tier, a.score_value,
                            a.score_age, a.score_slip, l.score_tier, l.score_value, l.score_age, l.score_slip
                        from allocation a join order_line l on l.line_id = a.line_id
                        where a.cause = 'RECEIPT' and a.cause_ref = ?1 order by a.id, a.position""", Object[].class)
                        .setParameter(1, first.getString("receiptId"))
                        .getResultList())));
        assertThat(logged).hasSize(3);
        for (int i = 0; i < logged.size(); i++) {
            Object[] row = logged.get(i);
            assertThat(row[0].toString()).isEqualTo(first.getString("allocations[" + i + "].lineId"));
            assertThat(((Number) row[1]).intValue()).isEqualTo(first.getInt("allocations[" + i + "].units"));
            assertThat(((Number) row[2]).doubleValue())
                    .isEqualTo(first.getDouble("allocations[" + i + "].priorityScore"));
            assertThat(row[3]).isEqualTo(first.getString("allocations[" + i + "].explanation"));
            for (int part = 4; part < 8; part++) {
                assertThat(((Number) row[part]).doubleValue()).isEqualTo(((Number) row[part + 4]).doubleValue());
            }
        }
        assertThat(((Number) logged.get(0)[4]).doubleValue()).isEqualTo(20.0);
        assertThat(((Number) logged.get(0)[6]).doubleValue()).isEqualTo(3.0);
    }

    @Test
    void aReceiptForMoreLinesThanOneStatementTakesServesThemAllInQueueOrderWithOneMessageEach() {
        // more placements than one allocation statement and one outbox batch take: several of each, pipelined
        String sku = "RCPT-MANY";
        int lines = 5100;
        InventoryFixtures.sku(sku, "ALLOW", Map.of());
        Orders.await(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery("""
                        insert into order_line (line_id, order_id, customer_id, sku, quantity, reserved, backordered,
                            initial_backordered, status, kind, customer_tier, order_value, ordered_at)
                        select gen_random_uuid(), gen_random_uuid(), 'many', ?1, 1, 0, 1, 1, 'BACKORDERED',
                            'BACKORDER', 'STANDARD', 10, now() - make_interval(secs => g)
                        from generate_series(1, ?2) g""")
                        .setParameter(1, sku)
                        .setParameter(2, lines)
                        .executeUpdate())));

        JsonPath receipt = InventoryFixtures.receive(WH, sku, lines - 1).jsonPath();

        List<String> served = receipt.getList("allocations.lineId");
        assertThat(served).hasSize(lines - 1).doesNotHaveDuplicates();
        List<Object[]> state = Orders.await(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(session -> session
                        .createNativeQuery(
                                """
                                        select (select count(*) from order_line where sku = ?1 and status = 'RESERVED' and reserved = 1),
                                            (select count(*) from line_reservation r join order_line l using (line_id) where l.sku = ?1),
                                            (select count(*) from allocation_batch where cause_ref = ?2),
                                            (select count(*) from allocation where cause_ref = ?2)""",
                                Object[].class)
                        .setParameter(1, sku)
                        .setParameter(2, receipt.getString("receiptId"))
                        .getResultList())));
        assertThat(state.get(0)).extracting(value -> ((Number) value).longValue())
                .containsExactly((long) lines - 1, (long) lines - 1, 2L, (long) lines - 1);
        // oldest order first (all else equal), and the StockAllocated messages in the outbox in the same order
        List<Object> toOrders = Orders.await(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery("""
                        select (regexp_match(body, '"lineId":"([^"]+)"'))[1] from outbox_message
                        where type = 'StockAllocated' and destination = 'backorder.order' and body like ?1
                        order by sequence, position""", Object.class)
                        .setParameter(1, "%" + sku + "%")
                        .getResultList())));
        assertThat(toOrders).extracting(Object::toString).containsExactlyElementsOf(served);
        // the relay takes each outbox batch of 2,000 deliveries on its own, and the broker gets them in order
        assertThat(wire.awaitToOrders("StockAllocated", lines - 1, field("sku", sku)))
                .extracting(allocated -> allocated.path("lineId").asText())
                .containsExactlyElementsOf(served);
        assertThat(wire.toInsights("StockAllocated", field("sku", sku))).hasSize(lines - 1);
        List<Object> oldestFirst = Orders.await(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                        "select line_id from order_line where sku = ?1 order by ordered_at limit ?2", Object.class)
                        .setParameter(1, sku)
                        .setParameter(2, lines - 1)
                        .getResultList())));
        assertThat(oldestFirst).extracting(Object::toString).containsExactlyElementsOf(served);
    }

    @Test
    void badReceiptsAreProblemsAndChangeNothing() {
        String sku = "RCPT-BAD";
        InventoryFixtures.sku(sku, "ALLOW", Map.of());
        InventoryFixtures.stock(sku, WH, 1);

        receipt(Map.of("locationId", WH, "lines", List.of(Map.of("sku", sku, "quantity", 0))))
                .statusCode(400)
                .body("violations.field", hasItem("lines[0].quantity"));
        receipt(Map.of("locationId", WH, "lines", List.of(Map.of("sku", sku, "quantity", 1), Map.of("sku",
                "NO-SUCH-SKU", "quantity", 1)))).statusCode(404);
        receipt(Map.of("locationId", "no-such-wh", "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                .statusCode(404);
        receipt(Map.of("locationId", WH, "lines", List.of(Map.of("sku", sku, "quantity", 1, "purchaseOrderLineId",
                "NO-SUCH-PO-LINE")))).statusCode(422);
        given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of("locationId", WH, "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                .post("/receipts")
                .then()
                .statusCode(403);

        given().auth().oauth2(Tokens.operator()).get("/stock/{sku}", sku).then().body("onHand", equalTo(1));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/{sku}/journal", sku)
                .then()
                .body("size()", equalTo(1));
    }

    @Test
    void raisingStockByAnAdjustmentServesTheWaitingLines() {
        String sku = "ADJ-ALLOC";
        InventoryFixtures.sku(sku, "ALLOW", Map.of());
        Orders waiting = reserve(order().line(sku, 2));

        InventoryFixtures.stock(sku, WH, 3, "CUSTOMER_RETURN");

        JsonNode allocated = wire.awaitToOrders("StockAllocated", field("lineId", waiting.lineId(0)));
        assertThat(allocated.path("quantity").asInt()).isEqualTo(2);
        assertThat(allocated.path("remainingBackordered").asInt()).isZero();
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/{sku}", sku)
                .then()
                .body("available", equalTo(1))
                .body("backordered", equalTo(0))
                .body("availability", equalTo("IN_STOCK"));
    }

    private Orders reserve(Orders order) {
        Orders.await(() -> reservations.reserve(order.command(), null));
        return order;
    }

    private static ValidatableResponse receipt(Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/receipts")
                .then()
                .contentType("application/problem+json");
    }

    private static JsonPath postReceiptJson(String key, Map<String, Object> body, int status) {
        return given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/receipts")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static String postReceipt(String key, Map<String, Object> body, int status) {
        return postReceiptJson(key, body, status).getString("receiptId");
    }
}
