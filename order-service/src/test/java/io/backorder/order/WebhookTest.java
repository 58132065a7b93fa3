package io.backorder.order;

import static io.backorder.order.Scenario.awaitStatus;
import static io.backorder.order.Scenario.awaitView;
import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.order;
import static io.backorder.order.Scenario.ship;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.order.service.WebhookDispatcher;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Platforms subscribe to order events; deliveries are signed, retried with backoff and recorded. */
@QuarkusTest
class WebhookTest {

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    ObjectMapper json;

    /** Where the receiver takes the deliveries of the filtered subscriptions, and those of the catch-all one. */
    private static final String ORDERS = "/hooks/orders";
    private static final String ALL = "/hooks/all";

    Scenario scenario;
    HttpStub receiver;
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void start() {
        scenario = new Scenario(broker, codec);
        receiver = new HttpStub(request -> request.path().equals(ORDERS) && failuresLeft.getAndDecrement() > 0
                ? new HttpStub.Answer(503, "{}")
                : new HttpStub.Answer(204, ""));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void eventsOfMyOrdersAreDeliveredSignedAndRetriedUntilAccepted() throws Exception {
        JsonPath subscription = subscribe(Tokens.platform(), List.of("shipment.*", "order.completed"));
        String secret = subscription.getString("secret");
        assertThat(secret).startsWith("whsec_");
        String other = Tokens.keys().token("webhook-other", Set.of("platform"), Map.of(), Duration.ofHours(1));
        JsonPath foreign = subscribe(other, List.of("*"));
        JsonPath everything = subscribe(Tokens.platform(), ALL, List.of("*"));
        failuresLeft.set(1);

        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("WH-1", 1, "10.00"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        UUID lineId = reserve.lines().get(0).lineId();
        scenario.reply(new StockReserved(orderId, lineId, "WH-1", 1, "wh-1"));
        awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));
        ship(orderId, "hooked", Map.of(lineId, 1));
        awaitStatus(orderId, "COMPLETED");

        await().atMost(Scenario.PATIENCE)
                .until(() -> eventsFor(orderId, ORDERS).stream()
                        .map(e -> e.get("type").asText())
                        .toList()
                        .containsAll(List.of("shipment.requested", "shipment.confirmed", "order.completed")));
        for (HttpStub.Request request : receiver.requests()) {
            if (!request.path().equals(ORDERS)) {
                continue;
            }
            String signature = request.header(WebhookDispatcher.SIGNATURE_HEADER);
            long timestamp = Long.parseLong(signature.substring(2, signature.indexOf(',')));
            assertThat(signature).endsWith(",v1=" + WebhookDispatcher.sign(secret, timestamp, request.body()));
            assertThat(request.header(WebhookDispatcher.EVENT_TYPE_HEADER)).isNotBlank();
        }
        List<JsonNode> events = eventsFor(orderId, ORDERS);
        assertThat(events).extracting(e -> e.get("type").asText())
                .allMatch(type -> type.startsWith("shipment.") || type.equals("order.completed"));
        await().atMost(Scenario.PATIENCE).untilAsserted(() -> {
            List<String> timeline = Scenario.view(orderId).getList("timeline.id", String.class);
            assertThat(eventsFor(orderId, ALL)).as("every event of the order to the * subscription")
                    .extracting(e -> e.get("id").asText())
                    .containsAll(timeline)
                    .allMatch(timeline::contains);
        });
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("orderReference").asText()).startsWith("SHOP-");
            assertThat(event.get("id").asText()).isNotBlank();
        });

        await().atMost(Scenario.PATIENCE)
                .until(() -> deliveries(subscription.getString("id")).stream()
                        .allMatch(d -> "DELIVERED".equals(d.get("status"))));
        assertThat(deliveries(subscription.getString("id"))).as("the delivery that failed once")
                .anySatisfy(d -> {
                    assertThat(d.get("attempts")).isEqualTo(2);
                    assertThat(d.get("lastStatusCode")).isEqualTo(204);
                });
        given().auth()
                .oauth2(other)
                .get("/webhooks/{id}/deliveries", foreign.getString("id"))
                .then()
                .statusCode(200)
                .body("eventType", not(org.hamcrest.Matchers.hasItem("shipment.confirmed")));

        unsubscribe(Tokens.platform(), subscription.getString("id"));
        unsubscribe(Tokens.platform(), everything.getString("id"));
        unsubscribe(other, foreign.getString("id"));
    }

    @Test
    void subscriptionsAreManagedPerPlatform() {
        JsonPath mine = subscribe(Tokens.platform(), List.of("payment.*"));
        String other = Tokens.keys().token("webhook-neighbour", Set.of("platform"), Map.of(), Duration.ofHours(1));

        given().auth()
                .oauth2(Tokens.platform())
                .get("/webhooks")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(mine.getString("id")))
                .body("secret", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        given().auth()
                .oauth2(other)
                .get("/webhooks")
                .then()
                .statusCode(200)
                .body("id", not(org.hamcrest.Matchers.hasItem(mine.getString("id"))));
        given().auth().oauth2(other).delete("/webhooks/{id}", mine.getString("id")).then().statusCode(404);
        given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://example.com/x", "events", List.of("*")))
                .post("/webhooks")
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/x"), "events", List.of("not an event")))
                .post("/webhooks")
                .then()
                .statusCode(400);

        unsubscribe(Tokens.platform(), mine.getString("id"));
        given().auth()
                .oauth2(Tokens.platform())
                .get("/webhooks")
                .then()
                .body("id", not(org.hamcrest.Matchers.hasItem(mine.getString("id"))));
    }

    private JsonPath subscribe(String token, List<String> events) {
        return subscribe(token, ORDERS, events);
    }

    private JsonPath subscribe(String token, String path, List<String> events) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "events", events))
                .post("/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static List<Map<String, Object>> deliveries(String subscriptionId) {
        return given().auth()
                .oauth2(Tokens.platform())
                .get("/webhooks/{id}/deliveries", subscriptionId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static void unsubscribe(String token, String id) {
        given().auth().oauth2(token).delete("/webhooks/{id}", id).then().statusCode(204);
    }

    /** Events the receiver accepted at this path for the order (a retried one appears once per attempt). */
    private List<JsonNode> eventsFor(UUID orderId, String path) throws Exception {
        List<JsonNode> events = new java.util.ArrayList<>();
        for (HttpStub.Request request : receiver.requests()) {
            if (!request.path().equals(path)) {
                continue;
            }
            JsonNode event = json.readTree(request.body());
            if (event.get("orderId").asText().equals(orderId.toString())) {
                events.add(event);
            }
        }
        return events;
    }
}
