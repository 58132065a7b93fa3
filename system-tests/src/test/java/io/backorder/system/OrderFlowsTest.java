package io.backorder.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.backorder.contracts.MessageCatalog;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.infra.MailCatcher.CapturedMail;
import io.backorder.localstack.Suite;
import io.backorder.localstack.SuiteService;
import io.restassured.path.json.JsonPath;

/** The order flows a platform drives, end to end across the four real services. */
@ExtendWith(RunningSuite.class)
class OrderFlowsTest {

    private final Suite suite;
    private final SuiteApi api;

    OrderFlowsTest(Suite suite) {
        this.suite = suite;
        this.api = new SuiteApi(suite);
    }

    @Test
    void inStockOrderIsAuthorizedNowAndCapturedOnShipment() {
        api.location("flow-wh");
        api.sku("FLOW-STOCKED", "ALLOW", new BigDecimal("25.00"), Map.of());
        api.stock("FLOW-STOCKED", "flow-wh", 5);

        String platformTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String orderId = api.placeOrder(Map.of("traceparent", "00-" + platformTrace + "-00f067aa0ba902b7-01"),
                "cust-instock", "STANDARD", "SHIP_AVAILABLE", "pm_card_visa", "instock@customer.test",
                List.of(SuiteApi.line("FLOW-STOCKED", 2, "25.00")));
        JsonPath reserved = api.awaitOrder(orderId, order -> "RESERVED".equals(order.getString("lines[0].state"))
                && new BigDecimal("50.00").compareTo(order.getObject("payment.authorized", BigDecimal.class)) == 0);
        assertThat(reserved.getString("status")).isEqualTo("OPEN");
        assertThat(api.stockOf("FLOW-STOCKED").getInt("reserved")).isEqualTo(2);
        // The platform's trace went through order-service's outbox and the broker into inventory-service, whose
        // reply (as it stored it in its own outbox) continues it.
        assertThat(new Invariants(suite).rows(SuiteService.INVENTORY,
                "select distinct split_part(body::json->>'traceparent',"
                        + " '-', 2) from outbox_message where correlation_id = '" + orderId + "' and type = '"
                        + MessageCatalog.of(StockReserved.class).typeName() + "'"))
                .containsExactly(platformTrace);

        api.ship(orderId, "SHIP-1", reserved.getString("lines[0].id"), 2);

        JsonPath shipped = api.awaitOrder(orderId, order -> "SHIPPED".equals(order.getString("lines[0].state"))
                && new BigDecimal("50.00").compareTo(order.getObject("payment.captured", BigDecimal.class)) == 0);
        assertThat(shipped.getString("status")).isEqualTo("COMPLETED");
        assertThat(awaitMail("instock@customer.test", "on their way")).isNotNull();
        await(() -> api.stockOf("FLOW-STOCKED").getInt("onHand") == 3
                && api.stockOf("FLOW-STOCKED").getInt("reserved") == 0);
    }

    @Test
    void shipWhatIsAvailableShipsInPartsAndCapturesEachPart() {
        api.location("part-wh");
        api.sku("FLOW-PART", "ALLOW", new BigDecimal("10.00"), Map.of("leadTimeDays", 3));
        api.stock("FLOW-PART", "part-wh", 2);

        String orderId = api.placeOrder("cust-partial", "STANDARD", "SHIP_AVAILABLE", "pm_card_visa",
                "partial@customer.test", List.of(SuiteApi.line("FLOW-PART", 5, "10.00")));
        JsonPath backordered = api.awaitOrder(orderId,
                order -> "BACKORDERED".equals(order.getString("lines[0].state"))
                        && order.getInt("lines[0].shippable") == 2);
        String lineId = backordered.getString("lines[0].id");
        assertThat(backordered.getInt("lines[0].backordered")).isEqualTo(3);
        assertThat(backordered.getString("lines[0].promiseDate")).isNotNull();
        assertThat(awaitMail("partial@customer.test", "backorder")).isNotNull();

        api.ship(orderId, "PART-1", lineId, 2);
        api.awaitOrder(orderId, order -> order.getInt("lines[0].shipped") == 2
                && new BigDecimal("20.00").compareTo(order.getObject("payment.captured", BigDecimal.class)) == 0);

        api.receive("part-wh", "FLOW-PART", 3, null);
        JsonPath allocated = api.awaitOrder(orderId, order -> order.getInt("lines[0].shippable") == 3);
        assertThat(allocated.getInt("lines[0].backordered")).isZero();

        api.ship(orderId, "PART-2", lineId, 3);
        JsonPath done = api.awaitOrder(orderId, order -> "COMPLETED".equals(order.getString("status")));
        assertThat(done.getObject("payment.captured", BigDecimal.class)).isEqualByComparingTo("50.00");
        assertThat(done.getList("shipments")).hasSize(2);
    }

    @Test
    void aRestockGoesToTheHigherPriorityCustomerFirst() {
        api.location("prio-wh");
        api.sku("FLOW-PRIO", "ALLOW", new BigDecimal("40.00"), Map.of("leadTimeDays", 5));

        String standard = api.placeOrder("cust-standard", "STANDARD", "SHIP_AVAILABLE", "pm_card_visa",
                "standard@customer.test", List.of(SuiteApi.line("FLOW-PRIO", 1, "40.00")));
        api.awaitOrder(standard, order -> "BACKORDERED".equals(order.getString("lines[0].state")));
        String platinum = api.placeOrder("cust-platinum", "PLATINUM", "SHIP_AVAILABLE", "pm_card_visa",
                "platinum@customer.test", List.of(SuiteApi.line("FLOW-PRIO", 1, "40.00")));
        api.awaitOrder(platinum, order -> "BACKORDERED".equals(order.getString("lines[0].state")));

        api.receive("prio-wh", "FLOW-PRIO", 1, null);

        api.awaitOrder(platinum, order -> "ALLOCATED".equals(order.getString("lines[0].state")));
        assertThat(api.order(standard).getString("lines[0].state")).isEqualTo("BACKORDERED");
        assertThat(awaitMail("platinum@customer.test", "arrived")).isNotNull();
    }

    private CapturedMail awaitMail(String recipient, String subjectPart) {
        boolean arrived = suite.mail()
                .waitFor(mails -> mails.stream()
                        .anyMatch(mail -> matches(mail, recipient,
                                subjectPart)),
                        SuiteApi.FLOW_TIMEOUT);
        assertThat(arrived).as("mail to %s about '%s'", recipient, subjectPart).isTrue();
        return suite.mail()
                .messages()
                .stream()
                .filter(mail -> matches(mail, recipient, subjectPart))
                .findFirst()
                .orElseThrow();
    }

    private static boolean matches(CapturedMail mail, String recipient, String subjectPart) {
        return mail.to().contains(recipient) && mail.subject().toLowerCase().contains(subjectPart.toLowerCase());
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition);
    }
}
