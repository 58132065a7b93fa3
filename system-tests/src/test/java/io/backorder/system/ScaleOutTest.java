package io.backorder.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.backorder.localstack.Suite;
import io.backorder.localstack.SuiteService;
import io.restassured.path.json.JsonPath;

/**
 * Two replicas of every service on the same databases and broker, as Kubernetes runs them: the flows give the same
 * results, the replicas share sagas, outboxes and deadlines, and nothing happens twice.
 */
class ScaleOutTest {

    private static Suite suite;
    private static SuiteApi api;

    @BeforeAll
    static void startTwoReplicasOfEverything() {
        suite = RunningSuite.start(2);
        api = new SuiteApi(suite);
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void flowsRunOnceAcrossReplicas() {
        assertThat(suite.processes(SuiteService.ORDER)).hasSize(2);
        api.location("scale-wh");
        api.sku("SCALE-1", "ALLOW", new BigDecimal("20.00"), Map.of("leadTimeDays", 4));
        api.stock("SCALE-1", "scale-wh", 10);

        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orders.add(api.placeOrder("scale-" + i, i % 3 == 0 ? "GOLD" : "STANDARD", "SHIP_AVAILABLE",
                    "pm_card_visa", "scale" + i + "@customer.test", List.of(SuiteApi.line("SCALE-1", 1, "20.00"))));
        }
        for (String orderId : orders) {
            api.awaitOrder(orderId, order -> List.of("RESERVED", "BACKORDERED")
                    .contains(order.getString(
                            "lines[0].state")));
        }
        assertThat(api.stockOf("SCALE-1").getInt("reserved")).isEqualTo(10);
        assertThat(api.stockOf("SCALE-1").getInt("backordered")).isEqualTo(2);

        api.receive("scale-wh", "SCALE-1", 2, null);
        for (String orderId : orders) {
            JsonPath order = api.awaitOrder(orderId, view -> List.of("RESERVED", "ALLOCATED")
                    .contains(view
                            .getString("lines[0].state")));
            api.ship(orderId, "SCALE-SHIP-" + orderId, order.getString("lines[0].id"), 1);
        }
        for (String orderId : orders) {
            JsonPath done = api.awaitOrder(orderId, view -> "COMPLETED".equals(view.getString("status")));
            assertThat(done.getObject("payment.captured", BigDecimal.class)).isEqualByComparingTo("20.00");
        }
        Invariants invariants = new Invariants(suite);
        invariants.assertAllHold();
        for (int i = 0; i < 12; i++) {
            String recipient = "scale" + i + "@customer.test";
            assertThat(suite.mail()
                    .messages()
                    .stream()
                    .filter(mail -> mail.to().contains(recipient)
                            && mail.subject().toLowerCase().contains("on their way")))
                    .as(recipient)
                    .hasSize(1);
        }
    }
}
