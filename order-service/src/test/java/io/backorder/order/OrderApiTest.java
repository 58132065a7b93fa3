package io.backorder.order;

import static io.backorder.order.Scenario.awaitView;
import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.order;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.order.OrderPlaced;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The platform API: security, validation, idempotent placement, ownership, refused requests. */
@QuarkusTest
class OrderApiTest {

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    Pool pool;

    Scenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new Scenario(broker, codec);
    }

    @Test
    void readinessChecksDatabaseAndBroker() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Reactive Messaging")));
    }

    @Test
    void rolesAreEnforced() {
        given().get("/orders/{id}", UUID.randomUUID()).then().statusCode(401);
        given().auth()
                .oauth2(Tokens.operator())
                .header("Idempotency-Key", "k")
                .contentType(ContentType.JSON)
                .body(body())
                .post("/orders")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.platform()).get("/operator/deadlines").then().statusCode(403);
    }

    @Test
    void theSameKeyAndBodyReturnTheFirstResponseAndPlaceNothingTwice() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body();

        Response first = place(key, body, Tokens.platform());
        Response again = place(key, body, Tokens.platform());

        first.then().statusCode(201).header("Idempotent-Replayed", "false");
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        UUID orderId = UUID.fromString(first.path("id"));
        scenario.awaitCommand(ReserveStock.class, orderId);
        assertThat(scenario.sent(Addresses.INVENTORY_INBOX, ReserveStock.class, orderId))
                .hasSize(1);
    }

    @Test
    void concurrentRetriesWithOneKeyPlaceOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body();
        ExecutorService platforms = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(platforms.submit(() -> place(key, body, Tokens.platform())));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> attempt : attempts) {
                ids.add(attempt.get().then().statusCode(201).extract().path("id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
            UUID orderId = UUID.fromString(ids.get(0));
            scenario.awaitCommand(ReserveStock.class, orderId);
            assertThat(scenario.sent(Addresses.INVENTORY_INBOX, ReserveStock.class, orderId)).hasSize(1);
        } finally {
            platforms.shutdownNow();
        }
    }

    @Test
    void aMessageAboutAnUnknownOrderIsDeadLetteredAndTheInboxKeepsGoing() {
        long deadBefore = broker.messageCount(Addresses.DEAD_LETTERS);
        scenario.reply(new StockReserved(UUID.randomUUID(), UUID.randomUUID(), "GHOST", 1, "wh-1"));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> broker.messageCount(Addresses.DEAD_LETTERS) == deadBefore + 1);
        UUID orderId = scenario.place(body());
        UUID lineId = scenario.awaitCommand(ReserveStock.class, orderId).lines().get(0).lineId();
        scenario.reply(new StockReserved(orderId, lineId, "API-1", 2, "wh-1"));
        awaitView(orderId, v -> "OPEN".equals(v.getString("status")));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        place(key, body(), Tokens.platform()).then().statusCode(201);

        Map<String, Object> other = new HashMap<>(body());
        other.put("paymentMethod", "pm_card_mastercard");
        place(key, other, Tokens.platform()).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("different request"));
    }

    @Test
    void keysBelongToOnePlatform() {
        String key = UUID.randomUUID().toString();
        String otherPlatform = Tokens.keys().token("other-platform", Set.of("platform"), Map.of(), Duration.ofHours(1));
        String mine = place(key, body(), Tokens.platform()).then().statusCode(201).extract().path("id");
        String theirs = place(key, body(), otherPlatform).then()
                .statusCode(201)
                .header("Idempotent-Replayed", "false")
                .extract()
                .path("id");

        assertThat(theirs).isNotEqualTo(mine);
        given().auth().oauth2(otherPlatform).get("/orders/{id}", mine).then().statusCode(404);
        given().auth()
                .oauth2(otherPlatform)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/orders/{id}/cancellation", mine)
                .then()
                .statusCode(404);
        given().auth().oauth2(Tokens.operator()).get("/operator/orders/{id}", mine).then().statusCode(200);
    }

    @Test
    void invalidOrdersAreProblemsAndPlaceNothing() {
        given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(body())
                .post("/orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("idempotencyKey"));
        Map<String, Object> invalid = new HashMap<>(body());
        invalid.put("currency", "euro");
        invalid.put("lines", List.of(Map.of("sku", "", "quantity", 0, "unitPrice", "-1")));
        place(UUID.randomUUID().toString(), invalid, Tokens.platform()).then()
                .statusCode(400)
                .body("violations.field", hasItems("currency", "lines[0].sku", "lines[0].quantity",
                        "lines[0].unitPrice"));
        Map<String, Object> mixed = new HashMap<>(body());
        mixed.put("lines", List.of(Map.of("sku", "API-1", "quantity", 1, "unitPrice", "1.00", "currency", "USD")));
        place(UUID.randomUUID().toString(), mixed, Tokens.platform()).then()
                .statusCode(422)
                .body("detail", containsString("one currency"));
        given().auth()
                .oauth2(Tokens.platform())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{\"currency\": ")
                .post("/orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void theQuoteAnOrderWasPlacedFromIsKeptShownAndAnnounced() {
        UUID quoteId = UUID.randomUUID();
        Map<String, Object> fromQuote = new HashMap<>(body());
        fromQuote.put("quoteId", quoteId.toString());

        UUID orderId = scenario.place(fromQuote);
        UUID withoutQuote = scenario.place(body());

        assertThat(Scenario.view(orderId).getString("quoteId")).isEqualTo(quoteId.toString());
        assertThat(Scenario.view(withoutQuote).getString("quoteId")).isNull();
        assertThat(scenario.awaitSent(Addresses.INSIGHTS_INBOX, OrderPlaced.class, orderId, placed -> true)
                .quoteId()).isEqualTo(quoteId);
        assertThat(scenario.awaitSent(Addresses.INSIGHTS_INBOX, OrderPlaced.class, withoutQuote, placed -> true)
                .quoteId()).isNull();
    }

    @Test
    void aMalformedQuoteIdIsUnprocessableAndPlacesNothing() throws Throwable {
        String key = UUID.randomUUID().toString();
        for (String malformed : List.of("not-a-quote", "1-2-3-4-5", "")) {
            Map<String, Object> invalid = new HashMap<>(body());
            invalid.put("quoteId", malformed);
            place(key, invalid, Tokens.platform()).then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("detail", containsString("quoteId"));
            assertThat(ordersWithReference((String) invalid.get("reference"))).isZero();
        }
        // nor was the key taken: it places the corrected order
        Map<String, Object> corrected = new HashMap<>(body());
        corrected.put("quoteId", UUID.randomUUID().toString());
        place(key, corrected, Tokens.platform()).then().statusCode(201).header("Idempotent-Replayed", "false");
        // the quote id is part of the request the key stands for
        corrected.put("quoteId", UUID.randomUUID().toString());
        place(key, corrected, Tokens.platform()).then()
                .statusCode(422)
                .body("detail",
                        containsString("different request"));
    }

    @Test
    void shipmentsThatDoNotFitAreRefusedAndChangeNothing() {
        UUID orderId = scenario.place(body());
        UUID lineId = scenario.awaitCommand(ReserveStock.class, orderId).lines().get(0).lineId();
        shipment(orderId, "too-early", lineId, 1).then()
                .statusCode(409)
                .body("detail", containsString(
                        "only an open order ships"));
        scenario.reply(new StockReserved(orderId, lineId, "API-1", 2, "wh-1"));
        awaitView(orderId, v -> "OPEN".equals(v.getString("status")));

        shipment(orderId, "too-many", lineId, 3).then()
                .statusCode(409)
                .body("detail", containsString(
                        "ready to ship"));
        shipment(orderId, "stranger", UUID.randomUUID(), 1).then().statusCode(422);
        shipment(orderId, "ok", lineId, 1).then().statusCode(202).body("status", equalTo("AWAITING_PAYMENT"));
        shipment(orderId, "ok", lineId, 1).then().statusCode(202);
        shipment(orderId, "ok", lineId, 2).then()
                .statusCode(409)
                .body("detail", containsString(
                        "already reported"));

        assertThat(Scenario.view(orderId).getList("shipments")).hasSize(1);
        given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/orders/{id}/lines/{line}/cancellation", orderId, UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void operatorsListOrdersByStateAndWaitingSagas() {
        UUID orderId = scenario.place(body());

        given().auth()
                .oauth2(Tokens.operator())
                .queryParam("status", "RESERVING")
                .queryParam("size", 500)
                .get("/operator/orders")
                .then()
                .statusCode(200)
                .body("id", hasItem(orderId.toString()));
        given().auth().oauth2(Tokens.operator()).get("/operator/orders").then().statusCode(400);
        given().auth().oauth2(Tokens.operator()).get("/operator/deadlines").then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).get("/operator/payment-operations").then().statusCode(200);
    }

    private long ordersWithReference(String reference) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("select count(*) from orders where reference = $1")
                .execute(Tuple.of(reference))
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    private static Map<String, Object> body() {
        return order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("API-1", 2, "19.90")));
    }

    private static Response place(String key, Map<String, Object> body, String token) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/orders");
    }

    private static Response shipment(UUID orderId, String shipmentId, UUID lineId, int quantity) {
        return given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of("shipmentId", shipmentId, "lines", List.of(Map.of("lineId", lineId.toString(),
                        "quantity", quantity))))
                .post("/orders/{id}/shipments", orderId);
    }
}
