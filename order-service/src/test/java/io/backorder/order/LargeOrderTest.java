package io.backorder.order;

import static io.backorder.order.Scenario.awaitStatus;
import static io.backorder.order.Scenario.awaitView;
import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.lineId;
import static io.backorder.order.Scenario.order;
import static io.backorder.order.Scenario.ship;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An order whose lines, shipment lines and captures are too many to be joined in the query that reads the order
 * (OrderRepository reads them on their own): every saga step and view still sees all of them, in sequence.
 */
@QuarkusTest
class LargeOrderTest {

    private static final int LINES = 70;

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
    void everyLineIsReservedAuthorizedShippedAndCapturedInSequence() {
        List<String> skus = IntStream.rangeClosed(1, LINES).mapToObj(i -> "LARGE-" + i).toList();
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", skus.stream()
                .map(sku -> line(sku, 1, "1.00"))
                .toList()));

        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        assertThat(reserve.lines()).extracting(ReserveStock.Line::sku).containsExactlyElementsOf(skus);
        for (ReserveStock.Line line : reserve.lines()) {
            scenario.reply(new StockReserved(orderId, line.lineId(), line.sku(), line.quantity(), "wh-1"));
        }

        JsonPath open = awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));
        assertThat(open.getString("status")).isEqualTo("OPEN");
        assertThat(open.getList("lines.sku", String.class)).containsExactlyElementsOf(skus);
        assertThat(open.getList("lines.state")).hasSize(LINES).containsOnly("RESERVED");
        assertThat(open.getList("payment.holds")).hasSize(1);
        assertThat(open.getDouble("payment.authorized")).isEqualTo(70.00);

        Map<UUID, Integer> everything = new LinkedHashMap<>();
        for (int i = 0; i < LINES; i++) {
            everything.put(lineId(open, i), 1);
        }
        ship(orderId, "pallet-1", everything);

        JsonPath done = awaitStatus(orderId, "COMPLETED");
        assertThat(done.getList("lines.sku", String.class)).containsExactlyElementsOf(skus);
        assertThat(done.getList("lines.state")).hasSize(LINES).containsOnly("SHIPPED");
        assertThat(done.getList("shipments")).hasSize(1);
        assertThat(done.getString("shipments[0].status")).isEqualTo("CONFIRMED");
        assertThat(done.getDouble("payment.captured")).isEqualTo(70.00);
        assertThat(done.getDouble("payment.authorized")).isZero();
    }
}
