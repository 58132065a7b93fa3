package io.backorder.order;

import static io.backorder.order.Scenario.awaitStatus;
import static io.backorder.order.Scenario.awaitView;
import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.order;
import static io.backorder.order.Scenario.ship;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.ShipReservedStock;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.contracts.notification.UpdatePaymentMethod;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Captures that fail, and holds that lapse, against the sandbox provider's scripted cards. */
@QuarkusTest
class PaymentFailurePathTest {

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    TestClock clock;

    Scenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new Scenario(broker, codec);
    }

    @Test
    void aFailedCaptureKeepsTheGoodsUntilTheCustomerUpdatesThePaymentMethod() {
        UUID orderId = authorized("PF-1", "pm_card_capture_fails");
        UUID lineId = UUID.fromString(Scenario.view(orderId).getString("lines[0].id"));

        ship(orderId, "box-1", Map.of(lineId, 1));

        JsonPath held = awaitView(orderId, v -> "ON_HOLD".equals(v.getString("shipments[0].status")));
        assertThat(held.getString("payment.actionRequired.reason")).isEqualTo("CAPTURE_FAILED");
        assertThat(held.getString("shipments[0].lines[0].captureStatus")).isEqualTo("FAILED");
        assertThat(held.getDouble("payment.captured")).isZero();
        scenario.awaitSent(Addresses.NOTIFICATION_INBOX, SendCustomerMessage.class, orderId,
                m -> m.kind() == CustomerMessageKind.PAYMENT_METHOD_UPDATE_NEEDED);
        assertThat(scenario.sent(Addresses.INVENTORY_INBOX, ShipReservedStock.class, orderId))
                .as("the goods do not leave unpaid")
                .isEmpty();

        scenario.reply(new UpdatePaymentMethod(orderId, "pm_card_visa"));

        JsonPath paid = awaitStatus(orderId, "COMPLETED");
        assertThat(paid.getString("shipments[0].status")).isEqualTo("CONFIRMED");
        assertThat(paid.getDouble("payment.captured")).isEqualTo(40.00);
        assertThat(paid.getString("payment.paymentMethod")).isEqualTo("pm_card_visa");
        assertThat(paid.getList("payment.holds.status")).containsOnly("RELEASED");
        assertThat(scenario.awaitCommand(ShipReservedStock.class, orderId).quantity()).isEqualTo(1);
    }

    @Test
    void withoutAnUpdateTheUnitsGoToTheNextBackorderAtTheDeadline() {
        UUID orderId = authorized("PF-2", "pm_card_capture_fails");
        UUID lineId = UUID.fromString(Scenario.view(orderId).getString("lines[0].id"));
        ship(orderId, "box-2", Map.of(lineId, 1));
        awaitView(orderId, v -> v.get("payment.actionRequired") != null);

        clock.advance(Duration.ofDays(3).plusMinutes(1));

        JsonPath released = awaitStatus(orderId, "CANCELLED");
        assertThat(released.getString("lines[0].state")).isEqualTo("CANCELLED");
        assertThat(released.getString("lines[0].cancelReason")).contains("not updated in time");
        assertThat(released.getString("shipments[0].status")).isEqualTo("CANCELLED");
        assertThat(scenario.awaitCommand(ReleaseStock.class, orderId).lineIds()).containsExactly(lineId);
        assertThat(released.getList("timeline.type")).contains("payment.update_overdue");
    }

    @Test
    void aShortHoldIsRenewedBeforeItLapsesAndALapsedOneIsReplacedAtCapture() {
        UUID orderId = authorized("PF-3", "pm_card_short_hold");

        clock.advance(Duration.ofMinutes(65));

        JsonPath renewed = awaitView(orderId, v -> v.getList("payment.holds").size() == 2
                && "ACTIVE".equals(v.getString("payment.holds[1].status"))
                && "RELEASED".equals(v.getString("payment.holds[0].status")));
        assertThat(renewed.getString("payment.holds[1].purpose")).isEqualTo("renewal of hold #1");
        assertThat(renewed.getDouble("payment.authorized")).isEqualTo(40.00);

        clock.advance(Duration.ofHours(3));
        UUID lineId = UUID.fromString(renewed.getString("lines[0].id"));
        ship(orderId, "box-3", Map.of(lineId, 1));

        JsonPath paid = awaitStatus(orderId, "COMPLETED");
        assertThat(paid.getDouble("payment.captured")).isEqualTo(40.00);
        assertThat(paid.getList("payment.holds.status")).doesNotContain("ACTIVE", "PENDING");
        assertThat(paid.getList("timeline.type")).contains("payment.hold_expired");
    }

    private UUID authorized(String sku, String paymentMethod) {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", paymentMethod, List.of(line(sku, 1, "40.00"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        scenario.reply(new StockReserved(orderId, reserve.lines().get(0).lineId(), sku, 1, "wh-1"));
        awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));
        return orderId;
    }
}
