package io.backorder.order;

import static io.backorder.order.Scenario.awaitPaymentsSettled;
import static io.backorder.order.Scenario.awaitStatus;
import static io.backorder.order.Scenario.awaitView;
import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.lineId;
import static io.backorder.order.Scenario.order;
import static io.backorder.order.Scenario.ship;
import static io.backorder.order.Scenario.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.ReservedStockShipped;
import io.backorder.contracts.inventory.ShipReservedStock;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** In-stock lines: reserved, authorized at once, captured per shipment (partially), completed. */
@QuarkusTest
class InStockPathTest {

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    Scenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new Scenario(broker, codec);
    }

    @Test
    void anInStockOrderIsAuthorizedAtOnceAndCapturedShipmentByShipment() {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("IN-1", 3, "20.00"),
                line("IN-2", 1, "5.50"))));

        JsonPath placed = view(orderId);
        assertThat(placed.getString("status")).isIn("RESERVING", "OPEN");
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        assertThat(reserve.lines()).extracting(ReserveStock.Line::sku).containsExactly("IN-1", "IN-2");
        assertThat(reserve.customerTier().name()).isEqualTo("GOLD");
        for (ReserveStock.Line line : reserve.lines()) {
            scenario.reply(new StockReserved(orderId, line.lineId(), line.sku(), line.quantity(), "wh-1"));
        }

        JsonPath open = awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));
        assertThat(open.getString("status")).isEqualTo("OPEN");
        assertThat(open.getList("lines.state")).containsOnly("RESERVED");
        assertThat(open.getDouble("payment.authorized")).isEqualTo(65.50);
        assertThat(open.getBoolean("readyToShip")).isTrue();

        UUID big = lineId(open, 0);
        UUID small = lineId(open, 1);
        ship(orderId, "parcel-1", Map.of(big, 1));
        JsonPath partly = awaitView(orderId, v -> "CONFIRMED".equals(v.getString("shipments[0].status")));
        assertThat(partly.getDouble("payment.captured")).isEqualTo(20.00);
        assertThat(partly.getString("lines[0].state")).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(partly.getInt("lines[0].shippable")).isEqualTo(2);
        ShipReservedStock shipped = scenario.awaitCommand(ShipReservedStock.class, orderId);
        assertThat(shipped.quantity()).isEqualTo(1);
        assertThat(shipped.shipmentId()).isEqualTo("parcel-1");
        scenario.reply(new ReservedStockShipped(orderId, big, "IN-1", 1, "parcel-1"));

        ship(orderId, "parcel-2", Map.of(big, 2, small, 1));
        JsonPath done = awaitStatus(orderId, "COMPLETED");

        assertThat(done.getList("lines.state")).containsOnly("SHIPPED");
        assertThat(done.getDouble("payment.captured")).isEqualTo(65.50);
        assertThat(done.getDouble("payment.authorized")).isZero();
        assertThat(done.getList("payment.holds.status")).containsOnly("RELEASED");
        assertThat(done.getList("timeline.type")).contains("order.placed", "line.reserved", "payment.authorized",
                "shipment.confirmed", "payment.captured", "shipment.recorded_by_inventory", "order.completed");
        assertThat(scenario.sent(Addresses.NOTIFICATION_INBOX, SendCustomerMessage.class, orderId))
                .filteredOn(m -> m.kind() == CustomerMessageKind.SHIPPED)
                .hasSize(2)
                .allSatisfy(message -> {
                    assertThat(message.contact().email()).isEqualTo("kim@example.com");
                    assertThat(message.contact().locale()).isEqualTo("de");
                    assertThat(message.order().orderId()).isEqualTo(orderId);
                });
    }

    @Test
    void aDeclinedCardAtCheckoutAsksTheCustomerForAnotherPaymentMethod() {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_declined", List.of(line("IN-3", 1,
                "12.00"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        scenario.reply(new StockReserved(orderId, reserve.lines().get(0).lineId(), "IN-3", 1, "wh-1"));

        JsonPath declined = awaitView(orderId, v -> v.get("payment.actionRequired") != null);
        assertThat(declined.getString("payment.actionRequired.reason")).isEqualTo("AUTHORIZATION_DECLINED");
        assertThat(declined.getString("payment.holds[0].status")).isEqualTo("DECLINED");
        SendCustomerMessage ask = scenario.awaitSent(Addresses.NOTIFICATION_INBOX, SendCustomerMessage.class,
                orderId, m -> m.kind() == CustomerMessageKind.PAYMENT_METHOD_UPDATE_NEEDED);
        assertThat(ask.allowedActions()).extracting(Enum::name).containsExactly("UPDATE_PAYMENT_METHOD");

        scenario.reply(new io.backorder.contracts.notification.UpdatePaymentMethod(orderId, "pm_card_visa"));

        JsonPath fixed = awaitView(orderId, v -> v.getList("payment.holds.status").contains("ACTIVE"));
        assertThat(fixed.getString("payment.actionRequired")).isNull();
        assertThat(awaitPaymentsSettled(orderId).getString("payment.methodStatus")).isEqualTo("VERIFIED");
    }
}
