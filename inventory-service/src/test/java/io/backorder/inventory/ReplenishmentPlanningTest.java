package io.backorder.inventory;

import static io.backorder.inventory.Orders.TODAY;
import static io.backorder.inventory.Orders.order;
import static io.backorder.inventory.Wire.field;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.contracts.supplier.SupplyTermsChanged;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.inventory.service.PlanningScheduler;
import io.backorder.inventory.service.PlanningService;
import io.backorder.inventory.service.ReservationService;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The replenishment planner from demand history to a purchase order, through the real broker. Expected numbers are
 * worked out here from the formula inputs (constant demand, so the forecast is that constant and its error zero),
 * not read from the implementation.
 */
@QuarkusTest
class ReplenishmentPlanningTest {

    private static final String WH = "plan-wh";
    /** z for a 98% service level (class A in the configuration), from a table of the standard normal. */
    private static final double Z_98 = 2.0537489;
    /** The configured review period and smoothing (defaults). */
    private static final int REVIEW_DAYS = 7;
    private static final double SMOOTHING = 4;

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    ReservationService reservations;

    @Inject
    PlanningService planning;

    @Inject
    PlanningScheduler scheduler;

    private Wire wire;

    @BeforeEach
    void wire() {
        wire = new Wire(broker, codec);
        InventoryFixtures.location(WH);
    }

    @Test
    void backordersLeadToAnExplainedUrgentRequestThatThePurchaseOrderCloses() {
        String sku = "PLAN-1";
        InventoryFixtures.sku(sku, "ALLOW", Map.of("planningClass", "A"));
        wire.send(new SupplyTermsChanged(sku, "acme", 5.0, 1.0, 24, 12));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "acme".equals(operator().get("/skus/{sku}/plan", sku)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("explanation.supply.supplierId")));
        seedDemand(sku, 60, 10);
        InventoryFixtures.stock(sku, WH, 20);
        reserve(order().line(sku, 5));
        reserve(order().line(sku, 23)); // 15 reserved, 8 backordered

        // The reservations made the SKU due at once; the planner picks it up on its next poll.
        assertThat(Instant.parse(operator().get("/skus/{sku}/plan", sku).then().extract().path("nextPlanningAt")))
                .isBeforeOrEqualTo(Instant.now());
        assertThat(Orders.await(scheduler::planDue)).isPositive();

        // position = 20 on hand + 0 inbound - 20 reserved - 8 backordered
        int position = -8;
        double safetyStock = Z_98 * Math.sqrt(5 * 0.0 + 10 * 10 * 1.0 * 1.0);
        double reorderPoint = 5 * 10 + safetyStock;
        double raw = REVIEW_DAYS * 10 + (reorderPoint - position) / SMOOTHING;
        int expected = (int) Math.ceil(Math.max(Math.ceil(raw), 24) / 12) * 12;
        assertThat(expected).isEqualTo(96);

        JsonPath suggestion = onlySuggestion(sku, "REQUESTED");
        UUID id = UUID.fromString(suggestion.getString("id"));
        assertThat(suggestion.getInt("quantity")).isEqualTo(expected);
        assertThat(suggestion.getBoolean("urgent")).isTrue();
        assertThat(suggestion.getString("needBy")).isEqualTo(TODAY.plusDays(1).toString());
        assertThat(suggestion.getString("approvedBy")).isEqualTo("planner");
        assertThat(suggestion.getString("explanation.forecast.method")).isEqualTo("SIMPLE_EXPONENTIAL_SMOOTHING");
        assertThat(suggestion.getDouble("explanation.forecast.meanDailyDemand")).isEqualTo(10.0);
        assertThat(suggestion.getDouble("explanation.forecast.holdoutMae")).isEqualTo(0.0);
        assertThat(suggestion.getInt("explanation.forecast.historyDays")).isEqualTo(60);
        assertThat(suggestion.getDouble("explanation.supply.leadTimeMeanDays")).isEqualTo(5.0);
        assertThat(suggestion.getDouble("explanation.policy.serviceLevel")).isEqualTo(0.98);
        assertThat(suggestion.getDouble("explanation.policy.safetyStock")).isCloseTo(safetyStock, within(0.01));
        assertThat(suggestion.getDouble("explanation.policy.reorderPoint")).isCloseTo(reorderPoint, within(0.01));
        assertThat(suggestion.getMap("explanation.position")).containsEntry("onHand", 20)
                .containsEntry("inbound", 0)
                .containsEntry("reserved", 20)
                .containsEntry("backordered", 8)
                .containsEntry("inventoryPosition", position);
        assertThat(suggestion.getDouble("explanation.quantity.rawQuantity")).isCloseTo(raw, within(0.01));
        assertThat(suggestion.getString("explanation.urgent")).contains("8 units");

        JsonNode requested = wire.awaitToSuppliers("ReplenishmentRequested", field("requestId", id));
        assertThat(requested.path("sku").asText()).isEqualTo(sku);
        assertThat(requested.path("locationId").asText()).isEqualTo(WH);
        assertThat(requested.path("quantity").asInt()).isEqualTo(expected);
        assertThat(requested.path("urgent").asBoolean()).isTrue();
        assertThat(requested.path("explanation").asText()).contains("SIMPLE_EXPONENTIAL_SMOOTHING", "Urgent");
        assertThat(requested.path("pinnedSupplierId").isNull()).isTrue();
        JsonNode forecast = wire.awaitToSuppliers("DemandForecastUpdated", field("sku", sku));
        assertThat(forecast.path("dailyForecast")).hasSize(28).allMatch(day -> day.asDouble() == 10.0);

        // The purchase order answers the request; a redelivery and a retry with a new message id change nothing.
        Envelope issued = wire.send(new PurchaseOrderIssued("PO-PLAN-1", "acme", WH,
                List.of(new PurchaseOrderIssued.Line("PO-PLAN-1-1", sku, expected, TODAY.plusDays(5))), id));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "ORDERED".equals(suggestion(id).getString("state")));
        String orderedAt = suggestion(id).getString("orderedAt");
        wire.resend(issued);
        wire.send(new PurchaseOrderIssued("PO-PLAN-1", "acme", WH,
                List.of(new PurchaseOrderIssued.Line("PO-PLAN-1-1", sku, expected, TODAY.plusDays(5))), id));
        wire.settle();
        JsonPath ordered = suggestion(id);
        assertThat(ordered.getString("purchaseOrderId")).isEqualTo("PO-PLAN-1");
        assertThat(ordered.getString("orderedAt")).isEqualTo(orderedAt);
        operator().get("/stock/{sku}", sku).then().body("inbound", equalTo(expected));

        // With the order inbound the position is above the reorder point: planning again requests nothing.
        operator().post("/skus/{sku}/plan", sku).then().statusCode(200).body("reorder", equalTo(false));
        assertThat(suggestions(sku, null)).hasSize(1);

        // A large new backorder makes the SKU due again and brings a second request, now that the first is ordered.
        reserve(order().line(sku, 100));
        assertThat(Orders.await(scheduler::planDue)).isPositive();
        JsonPath second = onlySuggestion(sku, "REQUESTED");
        assertThat(second.getString("trigger")).isEqualTo("demand changed");
        assertThat(second.getInt("explanation.position.inventoryPosition")).isEqualTo(position + expected - 100);
        wire.awaitToSuppliers("ReplenishmentRequested", field("requestId", second.getString("id")));
        wire.settle();
        assertThat(wire.published(Addresses.SUPPLIER_INBOX, "ReplenishmentRequested", field("sku", sku)))
                .hasSize(2);
    }

    @Test
    void operatorsChangeAndApproveLargeSuggestionsAndIllegalChangesAreRefused() {
        String sku = "PLAN-2";
        // No supply terms: the SKU's own lead time, no variability, single units.
        InventoryFixtures.sku(sku, "ALLOW", Map.of("leadTimeDays", 10));
        seedDemand(sku, 30, 100);
        JsonPath plan = planNow(sku);
        // position 0; reorder point 10 * 100 (no variability, no safety stock); 7 * 100 + 1000 / 4 = 950 > 500
        assertThat(plan.getBoolean("reorder")).isTrue();
        assertThat(plan.getInt("quantity")).isEqualTo(950);
        JsonPath proposed = onlySuggestion(sku, "PROPOSED");
        UUID id = UUID.fromString(proposed.getString("id"));
        assertThat(proposed.getBoolean("urgent")).isFalse();
        assertThat(proposed.getString("needBy")).isEqualTo(TODAY.plusDays(10).toString());
        assertThat(proposed.getString("explanation.policy.planningClass")).isNull();
        assertThat(proposed.getDouble("explanation.policy.serviceLevel")).isEqualTo(0.95);

        // Bad input is refused and changes nothing.
        operator().contentType(ContentType.JSON)
                .body(Map.of("quantity", 0))
                .put("/replenishment/suggestions/{id}/quantity", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem("quantity"));
        operator().contentType(ContentType.JSON)
                .body("{}")
                .put("/replenishment/suggestions/{id}/quantity", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        operator().contentType(ContentType.JSON)
                .body(Map.of("supplierId", " "))
                .put("/replenishment/suggestions/{id}/supplier", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        operator().post("/replenishment/suggestions/{id}/approve", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        JsonPath unchanged = suggestion(id);
        assertThat(unchanged.getInt("quantity")).isEqualTo(950);
        assertThat(unchanged.getString("pinnedSupplierId")).isNull();
        assertThat(unchanged.getString("changedBy")).isNull();

        // The operator overrides; a planning run leaves the operator's suggestion alone.
        operator().contentType(ContentType.JSON)
                .body(Map.of("quantity", 900))
                .put("/replenishment/suggestions/{id}/quantity", id)
                .then()
                .statusCode(200)
                .body("quantity", equalTo(900))
                .body("suggestedQuantity", equalTo(950));
        operator().contentType(ContentType.JSON)
                .body(Map.of("supplierId", "zeta"))
                .put("/replenishment/suggestions/{id}/supplier", id)
                .then()
                .statusCode(200)
                .body("pinnedSupplierId", equalTo("zeta"));
        planNow(sku);
        assertThat(onlySuggestion(sku, "PROPOSED").getString("id")).isEqualTo(id.toString());

        operator().post("/replenishment/suggestions/{id}/approve", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("REQUESTED"))
                .body("approvedBy", equalTo("demo-operator"));
        JsonNode requested = wire.awaitToSuppliers("ReplenishmentRequested", field("requestId", id));
        assertThat(requested.path("quantity").asInt()).isEqualTo(900);
        assertThat(requested.path("pinnedSupplierId").asText()).isEqualTo("zeta");
        assertThat(requested.path("explanation").asText()).contains("from 950 to 900", "zeta");

        // Once requested, nothing about it can be changed.
        operator().post("/replenishment/suggestions/{id}/approve", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        operator().contentType(ContentType.JSON)
                .body(Map.of("quantity", 10))
                .put("/replenishment/suggestions/{id}/quantity", id)
                .then()
                .statusCode(409);
        operator().contentType(ContentType.JSON)
                .body(Map.of("reason", "too late"))
                .post("/replenishment/suggestions/{id}/dismiss", id)
                .then()
                .statusCode(409);
        JsonPath after = suggestion(id);
        assertThat(after.getString("state")).isEqualTo("REQUESTED");
        assertThat(after.getInt("quantity")).isEqualTo(900);
        // A run while it is requested does not request the SKU twice.
        planNow(sku);
        assertThat(suggestions(sku, null)).hasSize(1);
    }

    @Test
    void aDismissedSuggestionStaysDismissedAndStockSupersedesAProposal() {
        String sku = "PLAN-3";
        InventoryFixtures.sku(sku, "ALLOW", Map.of("leadTimeDays", 10));
        seedDemand(sku, 30, 100);
        planNow(sku);
        String first = onlySuggestion(sku, "PROPOSED").getString("id");
        operator().contentType(ContentType.JSON)
                .body(Map.of("reason", "promotion ended"))
                .post("/replenishment/suggestions/{id}/dismiss", first)
                .then()
                .statusCode(200)
                .body("state", equalTo("DISMISSED"))
                .body("closedReason", equalTo("promotion ended"));
        operator().post("/replenishment/suggestions/{id}/approve", first).then().statusCode(409);

        planNow(sku);
        String second = onlySuggestion(sku, "PROPOSED").getString("id");
        assertThat(second).isNotEqualTo(first);
        InventoryFixtures.stock(sku, WH, 1200); // above the reorder point of 1000
        planNow(sku);
        JsonPath superseded = suggestion(UUID.fromString(second));
        assertThat(superseded.getString("state")).isEqualTo("SUPERSEDED");
        assertThat(superseded.getString("closedReason")).contains("above the reorder point");
        assertThat(suggestions(sku, "PROPOSED")).isEmpty();
        assertThat(suggestion(UUID.fromString(first)).getString("state")).isEqualTo("DISMISSED");
    }

    @Test
    void reservationsFromStockCoalesceIntoOneRunWhileABackorderIsPlannedAtOnce() {
        String sku = "PLAN-COALESCE";
        InventoryFixtures.sku(sku, "ALLOW", Map.of());
        InventoryFixtures.stock(sku, WH, 10);
        Instant lastRun = Instant.parse(planNow(sku).getString("lastPlannedAt"));
        Instant coalesced = lastRun.plus(Duration.ofMinutes(1)); // the default min-interval

        reserve(order().line(sku, 2));
        assertThat(nextPlanningAt(sku)).isEqualTo(coalesced);
        Orders.await(scheduler::planDue);
        assertThat(lastPlannedAt(sku)).isEqualTo(lastRun);
        reserve(order().line(sku, 3));
        assertThat(nextPlanningAt(sku)).isEqualTo(coalesced);

        reserve(order().line(sku, 7)); // 5 from stock, 2 backordered
        assertThat(nextPlanningAt(sku)).isBeforeOrEqualTo(Instant.now());
        assertThat(Orders.await(scheduler::planDue)).isPositive();
        assertThat(lastPlannedAt(sku)).isAfter(lastRun);
    }

    @Test
    void concurrentPlanningRunsOfOneSkuRequestOnce() throws Exception {
        String sku = "PLAN-4";
        InventoryFixtures.sku(sku, "ALLOW", Map.of("leadTimeDays", 3));
        seedDemand(sku, 30, 5);
        reserve(order().line(sku, 4));
        int runs = 4;
        CyclicBarrier start = new CyclicBarrier(runs);
        List<CompletableFuture<PlanningService.Assessment>> planned = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            planned.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return Orders.await(() -> planning.plan(sku, "race"));
            }));
        }
        CompletableFuture.allOf(planned.toArray(CompletableFuture[]::new)).get();

        JsonPath requested = onlySuggestion(sku, "REQUESTED");
        assertThat(suggestions(sku, null)).hasSize(1);
        wire.awaitToSuppliers("ReplenishmentRequested", field("sku", sku));
        wire.settle();
        assertThat(wire.published(Addresses.SUPPLIER_INBOX, "ReplenishmentRequested", field("sku", sku)))
                .hasSize(1)
                .allMatch(message -> message.path("requestId").asText().equals(requested.getString("id")));
    }

    @Test
    void aRequestNoPurchaseOrderAnsweredExpiresAndALateOrderStillClosesIt() {
        String sku = "PLAN-5";
        InventoryFixtures.sku(sku, "ALLOW", Map.of("leadTimeDays", 3));
        seedDemand(sku, 30, 5);
        reserve(order().line(sku, 4));
        planNow(sku);
        UUID first = UUID.fromString(onlySuggestion(sku, "REQUESTED").getString("id"));
        planNow(sku);
        assertThat(suggestions(sku, null)).as("still waiting for its purchase order").hasSize(1);

        // The request is older than the configured timeout (3 days): the next run requests afresh.
        Orders.await(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery("""
                        update replenishment_suggestion set requested_at = requested_at - interval '4 days'
                        where id = ?1""").setParameter(1, first).executeUpdate())));
        planNow(sku);
        assertThat(suggestion(first).getString("state")).isEqualTo("EXPIRED");
        String second = onlySuggestion(sku, "REQUESTED").getString("id");
        assertThat(second).isNotEqualTo(first.toString());
        wire.awaitToSuppliers("ReplenishmentRequested", field("requestId", second));

        wire.send(new PurchaseOrderIssued("PO-PLAN-5", "acme", WH,
                List.of(new PurchaseOrderIssued.Line("PO-PLAN-5-1", sku, 40, TODAY.plusDays(3))), first));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "ORDERED".equals(suggestion(first).getString("state")));
        assertThat(suggestion(UUID.fromString(second)).getString("state")).isEqualTo("REQUESTED");
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(Tokens.operator());
    }

    private static JsonPath planNow(String sku) {
        return operator().post("/skus/{sku}/plan", sku).then().statusCode(200).extract().jsonPath();
    }

    private static Instant nextPlanningAt(String sku) {
        return scheduleTime(sku, "nextPlanningAt");
    }

    private static Instant lastPlannedAt(String sku) {
        return scheduleTime(sku, "lastPlannedAt");
    }

    private static Instant scheduleTime(String sku, String field) {
        return Instant.parse(operator().get("/skus/{sku}/plan", sku).then().statusCode(200).extract().path(field));
    }

    private static JsonPath suggestion(UUID id) {
        return operator().get("/replenishment/suggestions/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> suggestions(String sku, String state) {
        RequestSpecification request = operator().queryParam("sku", sku);
        if (state != null) {
            request = request.queryParam("state", state);
        }
        return request.get("/replenishment/suggestions").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static JsonPath onlySuggestion(String sku, String state) {
        operator().queryParam("sku", sku)
                .queryParam("state", state)
                .get("/replenishment/suggestions")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        return operator().queryParam("sku", sku)
                .queryParam("state", state)
                .get("/replenishment/suggestions")
                .then()
                .extract()
                .jsonPath()
                .setRootPath("[0]");
    }

    private void reserve(Orders order) {
        Orders.await(() -> reservations.reserve(order.command(), null));
    }

    /** The same demand on each of the {@code days} days before today, as the demand history records it. */
    private static void seedDemand(String sku, int days, int unitsPerDay) {
        Orders.await(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery("""
                        insert into demand_day (sku, day, ordered_units)
                        select ?1, cast(d as date), ?2
                        from generate_series(cast(?3 as date), cast(?4 as date), interval '1 day') d""")
                        .setParameter(1, sku)
                        .setParameter(2, unitsPerDay)
                        .setParameter(3, TODAY.minusDays(days))
                        .setParameter(4, TODAY.minusDays(1))
                        .executeUpdate())));
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }
}
