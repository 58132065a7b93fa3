package io.backorder.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.backorder.localstack.Suite;
import io.backorder.localstack.SuiteService;
import io.restassured.path.json.JsonPath;

/**
 * Backorders make the planner in inventory-service request replenishment by itself; supplier-service chooses the
 * agreement and issues the purchase order; the supplier confirms an ETA through its endpoint, which moves the
 * promises; the goods received go to the waiting lines.
 */
@ExtendWith(RunningSuite.class)
class ReplenishmentFlowTest {

    private final Suite suite;
    private final SuiteApi api;

    ReplenishmentFlowTest(Suite suite) {
        this.suite = suite;
        this.api = new SuiteApi(suite);
    }

    @Test
    void backordersAreReplenishedWithoutAnOperator() {
        String sku = "REPL-1";
        api.location("repl-wh");
        api.sku(sku, "ALLOW", new BigDecimal("20.00"), Map.of("leadTimeDays", 6));
        api.supplier("REPLCO");
        api.agreement("REPLCO", sku, new BigDecimal("8.00"), 4, 10);

        String first = api.placeOrder("cust-repl-1", "STANDARD", "SHIP_AVAILABLE", "pm_card_visa",
                "repl1@customer.test", List.of(SuiteApi.line(sku, 3, "20.00")));
        String second = api.placeOrder("cust-repl-2", "GOLD", "SHIP_AVAILABLE", "pm_card_visa",
                "repl2@customer.test", List.of(SuiteApi.line(sku, 2, "20.00")));
        api.awaitOrder(first, order -> "BACKORDERED".equals(order.getString("lines[0].state")));
        api.awaitOrder(second, order -> "BACKORDERED".equals(order.getString("lines[0].state")));

        // The planner requests on its own (no operator approved it) and the purchase order closes the suggestion.
        JsonPath suggestion = await().atMost(SuiteApi.FLOW_TIMEOUT)
                .until(() -> suggestions(sku), found -> found.getList("findAll { it.state == 'ORDERED' }").size() == 1)
                .setRootPath("find { it.state == 'ORDERED' }");
        assertThat(suggestion.getString("approvedBy")).isEqualTo("planner");
        assertThat(suggestion.getBoolean("urgent")).isTrue();
        assertThat(suggestion.getInt("explanation.position.backordered")).isPositive();
        String purchaseOrderId = suggestion.getString("purchaseOrderId");

        // supplier-service chose the agreement for this request and the order is visible to operators.
        JsonPath choice = api.asOperator(SuiteService.SUPPLIER)
                .queryParam("demandId", suggestion.getString("id"))
                .get("/supplier-choices")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("[0]");
        assertThat(choice.getString("outcome")).isEqualTo("PURCHASE_ORDER_ISSUED");
        JsonPath po = api.asOperator(SuiteService.SUPPLIER)
                .get("/purchase-orders/{id}", purchaseOrderId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(po.getString("supplierId")).isEqualTo("REPLCO");
        assertThat(po.getString("lines[0].sku")).isEqualTo(sku);
        int ordered = po.getInt("lines[0].quantity");
        assertThat(ordered).isGreaterThanOrEqualTo(10); // the agreement's minimum covers all five waiting units
        String lineId = po.getString("lines[0].id");
        await().atMost(SuiteApi.FLOW_TIMEOUT).until(() -> api.stockOf(sku).getInt("inbound") == ordered);

        // The supplier confirms; the promises follow the confirmed date (plus a handling day).
        LocalDate eta = LocalDate.now().plusDays(8); // later than the agreement's four days: the promises move
        api.setEta("REPLCO", purchaseOrderId, lineId, eta.toString());
        for (String orderId : List.of(first, second)) {
            api.awaitOrder(orderId, order -> eta.plusDays(1)
                    .toString()
                    .equals(order.getString(
                            "lines[0].promiseDate")));
        }

        api.receive("repl-wh", sku, ordered, lineId);
        api.awaitOrder(first, order -> "ALLOCATED".equals(order.getString("lines[0].state")));
        api.awaitOrder(second, order -> "ALLOCATED".equals(order.getString("lines[0].state")));
        JsonPath stock = api.stockOf(sku);
        assertThat(stock.getInt("onHand")).isEqualTo(ordered);
        assertThat(stock.getInt("reserved")).isEqualTo(5);
        assertThat(stock.getInt("backordered")).isZero();
        new Invariants(suite).assertAllHold();
    }

    private JsonPath suggestions(String sku) {
        return api.asOperator(SuiteService.INVENTORY)
                .queryParam("sku", sku)
                .get("/replenishment/suggestions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
