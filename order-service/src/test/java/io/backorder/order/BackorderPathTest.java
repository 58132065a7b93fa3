package io.backorder.order;

import static io.backorder.order.Scenario.awaitStatus;
import static io.backorder.order.Scenario.awaitView;
import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.lineId;
import static io.backorder.order.Scenario.order;
import static io.backorder.order.Scenario.ship;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.ShipReservedStock;
import io.backorder.contracts.inventory.StockAllocated;
import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.contracts.supplier.DropshipArranged;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Backordered lines: not charged for goods that do not exist; authorized inside the window or on allocation. */
@QuarkusTest
class BackorderPathTest {

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
    void backordersAreAuthorizedWithinTheWindowOrWhenTheirStockIsAllocated() {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("BO-SOON", 1, "10.00"),
                line("BO-LATE", 2, "30.00"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        UUID soon = reserve.lines().get(0).lineId();
        UUID late = reserve.lines().get(1).lineId();
        scenario.reply(backordered(orderId, soon, "BO-SOON", 0, 1, today.plusDays(3)));
        scenario.reply(backordered(orderId, late, "BO-LATE", 0, 2, today.plusDays(20)));

        JsonPath waiting = awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));
        assertThat(waiting.getList("lines.state")).containsOnly("BACKORDERED");
        assertThat(waiting.getString("lines[1].promiseDate")).isEqualTo(today.plusDays(20).toString());
        assertThat(waiting.getList("payment.holds")).as("only the line promised within 7 days is authorized")
                .hasSize(1);
        assertThat(waiting.getDouble("payment.holds[0].amount")).isEqualTo(10.00);
        assertThat(waiting.getString("payment.methodStatus")).isEqualTo("VERIFIED");
        assertThat(waiting.getBoolean("readyToShip")).isFalse();
        SendCustomerMessage confirmation = scenario.awaitSent(Addresses.NOTIFICATION_INBOX,
                SendCustomerMessage.class, orderId, m -> m.kind() == CustomerMessageKind.BACKORDER_CONFIRMATION);
        assertThat(confirmation.order().lines()).extracting(line -> line.state()).containsOnly("BACKORDERED");

        scenario.reply(new StockAllocated(orderId, late, "BO-LATE", 2, 0, "wh-1", 42.0, "gold tier, oldest"));

        JsonPath allocated = awaitView(orderId, v -> v.getList("payment.holds").size() == 2
                && "ACTIVE".equals(v.getString("payment.holds[1].status")));
        assertThat(allocated.getString("lines[1].state")).isEqualTo("ALLOCATED");
        assertThat(allocated.getDouble("payment.holds[1].amount")).isEqualTo(60.00);
        assertThat(allocated.getDouble("payment.authorized")).isEqualTo(70.00);
        assertThat(allocated.getDouble("payment.captured")).isZero();
        scenario.awaitSent(Addresses.NOTIFICATION_INBOX, SendCustomerMessage.class, orderId,
                m -> m.kind() == CustomerMessageKind.ALLOCATED);

        ship(orderId, "late-parcel", Map.of(lineId(allocated, 1), 2));
        JsonPath shipped = awaitView(orderId, v -> "SHIPPED".equals(v.getString("lines[1].state")));
        assertThat(shipped.getDouble("payment.captured")).isEqualTo(60.00);
        assertThat(shipped.getString("status")).as("the first line still waits").isEqualTo("OPEN");
    }

    @Test
    void aDropshippedLineIsAuthorizedAndShipsWithoutTouchingOurStock() {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("DROP-1", 1,
                "99.00"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        UUID lineId = reserve.lines().get(0).lineId();
        scenario.reply(backordered(orderId, lineId, "DROP-1", 0, 1, today.plusDays(30)));
        awaitView(orderId, v -> "VERIFIED".equals(v.getString("payment.methodStatus")));

        scenario.reply(new DropshipArranged(orderId, lineId, "DROP-1", 1, "supplier-7", "PO-77", today.plusDays(4)));

        JsonPath dropship = awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));
        assertThat(dropship.getString("lines[0].state")).isEqualTo("DROPSHIP");
        assertThat(dropship.getString("lines[0].promiseDate")).isEqualTo(today.plusDays(4).toString());
        ship(orderId, "supplier-parcel", Map.of(lineId, 1));
        JsonPath done = awaitStatus(orderId, "COMPLETED");
        assertThat(done.getDouble("payment.captured")).isEqualTo(99.00);
        assertThat(scenario.sent(Addresses.INVENTORY_INBOX, ShipReservedStock.class, orderId)).isEmpty();
    }

    static LineBackordered backordered(UUID orderId, UUID lineId, String sku, int reserved, int backordered,
            LocalDate promise) {
        return new LineBackordered(orderId, lineId, sku, reserved, backordered, BackorderKind.BACKORDER, promise,
                PromiseConfidence.MEDIUM);
    }
}
