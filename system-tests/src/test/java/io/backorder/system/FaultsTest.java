package io.backorder.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.backorder.infra.ServiceProcess;
import io.backorder.localstack.Suite;
import io.backorder.localstack.SuiteService;
import io.restassured.path.json.JsonPath;

/**
 * Faults in the middle of the flows: services killed with SIGKILL and restarted, the broker down for 30 seconds
 * under load, the SMTP server down. Afterwards every order is finished or waiting in a known state and the
 * invariants hold: nothing oversold, captured at most authorized, refunded at most captured, no message lost, no
 * email twice.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    private static final Duration READY = Duration.ofMinutes(3);

    private final Suite suite;
    private final SuiteApi api;
    private final Invariants invariants;

    FaultsTest(Suite suite) {
        this.suite = suite;
        this.api = new SuiteApi(suite);
        this.invariants = new Invariants(suite);
    }

    @Test
    @Order(1)
    void everyServiceKilledMidFlowResumesWhereItStopped() {
        api.location("kill-wh");
        api.sku("KILL-1", "ALLOW", new BigDecimal("12.00"), Map.of("leadTimeDays", 4));
        api.stock("KILL-1", "kill-wh", 12);

        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            orders.add(api.placeOrder("kill-" + i, "STANDARD", "SHIP_AVAILABLE", "pm_card_visa",
                    "kill" + i + "@customer.test", List.of(SuiteApi.line("KILL-1", 2, "12.00"))));
            if (i == 2) {
                killAndRestart(SuiteService.INVENTORY);
            }
            if (i == 5) {
                killAndRestart(SuiteService.ORDER);
            }
        }
        // 12 units for 16 ordered: six orders reserved, two backordered.
        for (String orderId : orders) {
            api.awaitOrder(orderId, order -> "OPEN".equals(order.getString("status"))
                    && List.of("RESERVED", "BACKORDERED").contains(order.getString("lines[0].state")));
        }
        for (String orderId : orders) {
            JsonPath order = api.order(orderId);
            if ("RESERVED".equals(order.getString("lines[0].state"))) {
                api.ship(orderId, "KILL-SHIP-" + orderId, order.getString("lines[0].id"), 2);
            }
        }
        killAndRestart(SuiteService.NOTIFICATION);
        api.receive("kill-wh", "KILL-1", 4, null);
        killAndRestart(SuiteService.SUPPLIER);

        for (String orderId : orders) {
            JsonPath settled = api.awaitOrder(orderId, order -> "COMPLETED".equals(order.getString("status"))
                    || "ALLOCATED".equals(order.getString("lines[0].state")));
            if ("COMPLETED".equals(settled.getString("status"))) {
                assertThat(settled.getObject("payment.captured", BigDecimal.class)).isEqualByComparingTo("24.00");
            }
        }
        assertThat(api.stockOf("KILL-1").getInt("backordered")).isZero();
        invariants.assertAllHold();
    }

    @Test
    @Order(2)
    void aBrokerOutageUnderLoadLosesNothing() throws Exception {
        api.location("outage-wh");
        api.sku("OUTAGE-1", "ALLOW", new BigDecimal("9.00"), Map.of());
        api.stock("OUTAGE-1", "outage-wh", 1000);

        ExecutorService platform = Executors.newFixedThreadPool(2);
        List<Future<String>> placed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            placed.add(platform.submit(() -> {
                Thread.sleep(n * 250L);
                return api.placeOrder("outage-" + n, "STANDARD", "SHIP_AVAILABLE", "pm_card_visa",
                        "outage" + n + "@customer.test", List.of(SuiteApi.line("OUTAGE-1", 1, "9.00")));
            }));
        }
        Thread.sleep(3000);
        suite.broker().stopServer();
        Thread.sleep(30_000);
        suite.broker().startServer();

        for (Future<String> order : placed) {
            String orderId = order.get();
            api.awaitOrder(orderId, view -> "RESERVED".equals(view.getString("lines[0].state")));
        }
        platform.shutdown();
        assertThat(api.stockOf("OUTAGE-1").getInt("reserved")).isEqualTo(40);
        invariants.assertAllHold();
    }

    @Test
    @Order(3)
    void anSmtpOutageDelaysMailButLosesNoneAndSendsNoneTwice() {
        api.location("smtp-wh");
        api.sku("SMTP-1", "ALLOW", new BigDecimal("15.00"), Map.of("leadTimeDays", 6));

        suite.mail().stopSmtp();
        String orderId = api.placeOrder("smtp-customer", "STANDARD", "SHIP_AVAILABLE", "pm_card_visa",
                "smtp@customer.test", List.of(SuiteApi.line("SMTP-1", 1, "15.00")));
        api.awaitOrder(orderId, order -> "BACKORDERED".equals(order.getString("lines[0].state")));
        invariants.awaitQuiet();
        suite.mail().startSmtp();

        assertThat(suite.mail()
                .waitFor(mails -> mails.stream()
                        .anyMatch(mail -> mail.to()
                                .contains(
                                        "smtp@customer.test")),
                        Duration.ofSeconds(120)))
                .isTrue();
        invariants.assertAllHold();
        assertThat(suite.mail().messages().stream().filter(mail -> mail.to().contains("smtp@customer.test")))
                .hasSize(1);
    }

    private void killAndRestart(SuiteService service) {
        for (ServiceProcess process : suite.processes(service)) {
            process.kill();
            process.restart();
        }
        for (ServiceProcess process : suite.processes(service)) {
            process.awaitReadyOrFail(READY);
        }
    }
}
