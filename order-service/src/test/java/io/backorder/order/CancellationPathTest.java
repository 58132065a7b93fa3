package io.backorder.order;

import static io.backorder.order.Scenario.awaitPaymentsSettled;
import static io.backorder.order.Scenario.awaitStatus;
import static io.backorder.order.Scenario.awaitView;
import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.order;
import static io.backorder.order.Scenario.ship;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReleased;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Compensation: stock released, holds given back, captures refunded; never more than was captured. */
@QuarkusTest
class CancellationPathTest {

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
    void cancellingBeforeCaptureReleasesStockAndTheHold() {
        UUID orderId = reservedAndAuthorized("CX-1", 2, "25.00");

        cancel(orderId).then().statusCode(200);

        ReleaseStock release = scenario.awaitCommand(ReleaseStock.class, orderId);
        assertThat(release.reason()).isEqualTo("customer called");
        scenario.reply(new StockReleased(orderId, release.lineIds().get(0), "CX-1", 2, 0));
        JsonPath cancelled = awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled.getList("payment.holds.status")).containsOnly("RELEASED");
        assertThat(cancelled.getDouble("payment.captured")).isZero();
        awaitView(orderId, v -> v.getList("timeline.type").contains("line.stock_released"));
        scenario.awaitSent(Addresses.NOTIFICATION_INBOX, SendCustomerMessage.class, orderId,
                m -> m.kind() == CustomerMessageKind.CANCELLED_AND_REFUNDED);
        assertThat(books(orderId).get(0).getString("status")).isEqualTo("RELEASED");

        cancel(orderId).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot be cancelled"));
    }

    @Test
    void cancellingAfterCaptureRefundsWhatWasCaptured() {
        UUID orderId = reservedAndAuthorized("CX-2", 2, "25.00");
        UUID lineId = UUID.fromString(Scenario.view(orderId).getString("lines[0].id"));
        ship(orderId, "first-half", Map.of(lineId, 1));
        awaitView(orderId, v -> v.getDouble("payment.captured") == 25.00);

        cancel(orderId).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CANCELLING"));

        JsonPath cancelled = awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled.getDouble("payment.captured")).isEqualTo(25.00);
        assertThat(cancelled.getDouble("payment.refunded")).isEqualTo(25.00);
        assertThat(cancelled.getList("timeline.type")).contains("payment.refund_requested", "payment.refunded",
                "payment.hold_release_requested", "order.cancelled");
        Row intent = books(orderId).get(0);
        assertThat(intent.getBigDecimal("captured")).isEqualByComparingTo("25.00");
        assertThat(intent.getBigDecimal("refunded")).isEqualByComparingTo(intent.getBigDecimal("captured"));
        assertThat(intent.getString("status")).isEqualTo("RELEASED");
    }

    @Test
    void aLineCancelledWhileInventoryStillDecidesIsReleasedAgainWhenItsReservationArrives() {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("CX-3", 1, "8.00"),
                line("CX-4", 1, "9.00"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        UUID first = reserve.lines().get(0).lineId();

        given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/orders/{id}/lines/{line}/cancellation", orderId, first)
                .then()
                .statusCode(200)
                .body("lines[0].state", org.hamcrest.Matchers.equalTo("CANCELLED"));
        scenario.awaitCommand(ReleaseStock.class, orderId);
        scenario.reply(new StockReserved(orderId, first, "CX-3", 1, "wh-1"));
        scenario.reply(new StockReserved(orderId, reserve.lines().get(1).lineId(), "CX-4", 1, "wh-1"));

        // the two replies are handled one after the other: wait for the second too, not only the first one's effect
        awaitView(orderId, v -> v.getList("timeline.type")
                .contains("line.late_reservation_released") && "OPEN".equals(v.getString("status")));
        assertThat(scenario.sent(Addresses.INVENTORY_INBOX, ReleaseStock.class, orderId)).hasSize(2)
                .allSatisfy(release -> assertThat(release.lineIds()).containsExactly(first));
        assertThat(awaitPaymentsSettled(orderId).getDouble("payment.authorized")).isEqualTo(9.00);
    }

    private UUID reservedAndAuthorized(String sku, int quantity, String price) {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line(sku, quantity, price))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        scenario.reply(new StockReserved(orderId, reserve.lines().get(0).lineId(), sku, quantity, "wh-1"));
        awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));
        return orderId;
    }

    private static io.restassured.response.Response cancel(UUID orderId) {
        return given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "customer called"))
                .post("/orders/{id}/cancellation", orderId);
    }

    /** The sandbox provider's own books for the order's authorizations. */
    private List<Row> books(UUID orderId) {
        return pool.preparedQuery("""
                select i.* from sandbox_intent i join sandbox_request r on r.reference = i.id
                join payment_operation o on o.id::text = r.idempotency_key where o.order_id = $1
                order by i.created_at""")
                .execute(Tuple.of(orderId))
                .await()
                .indefinitely()
                .stream()
                .toList();
    }
}
