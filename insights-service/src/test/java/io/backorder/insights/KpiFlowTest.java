package io.backorder.insights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.DemandForecastUpdated;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.LineRejected;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.RejectionReason;
import io.backorder.contracts.inventory.ReservedStockShipped;
import io.backorder.contracts.inventory.StockAllocated;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.notification.ContactClicked;
import io.backorder.contracts.notification.OfferOptionKind;
import io.backorder.contracts.order.LineCancelled;
import io.backorder.contracts.order.OfferMade;
import io.backorder.contracts.order.OfferSettled;
import io.backorder.contracts.order.OrderPlaced;
import io.backorder.contracts.order.PaymentRefunded;
import io.backorder.contracts.supplier.EtaChanged;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.insights.service.KpiMetrics;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Two customers' orders of one SKU, a purchase order whose ETA slips, a forecast and an offer, sent as real AMQP
 * messages; the KPIs are compared with figures worked out by hand (in the comments). Some facts are delivered twice,
 * as a broker redelivery or a re-sent reply would, and count once.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiFlowTest {

    private static final String SKU = "KPI-A";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    KpiMetrics metrics;

    private final UUID o1 = UUID.randomUUID();
    private final UUID o2 = UUID.randomUUID();
    private final UUID o3 = UUID.randomUUID();
    private final UUID l1 = UUID.randomUUID();
    private final UUID l2 = UUID.randomUUID();
    private final UUID l3 = UUID.randomUUID();
    private final UUID l4 = UUID.randomUUID();
    private final UUID l5 = UUID.randomUUID();
    private final UUID offer = UUID.randomUUID();

    @BeforeAll
    void sendTheFacts() {
        Facts facts = new Facts(broker, codec);
        Instant now = Instant.now();
        Instant tenDaysAgo = now.minus(10, ChronoUnit.DAYS);
        List<Envelope> sent = new ArrayList<>();
        // customer C1 (gold): L1 2 units in stock and shipped, L2 1 unit backordered ten days ago, L3 rejected
        sent.add(facts.sendAt(new OrderPlaced(o1, "C1-" + o1, CustomerTier.GOLD, tenDaysAgo, List.of(
                new OrderPlaced.Line(l1, SKU, 2), new OrderPlaced.Line(l2, SKU, 1), new OrderPlaced.Line(l3, SKU,
                        4)),
                null),
                tenDaysAgo));
        sent.add(facts.sendAt(new StockReserved(o1, l1, SKU, 2, "WH-KPI"), tenDaysAgo));
        // the saga re-sent its command: the same reply again with a new message id
        sent.add(facts.sendAt(new StockReserved(o1, l1, SKU, 2, "WH-KPI"), tenDaysAgo));
        Envelope shipped = facts.sendAt(new ReservedStockShipped(o1, l1, SKU, 2, "P-1"), tenDaysAgo);
        facts.deliver(shipped);
        sent.add(shipped);
        sent.add(facts.sendAt(new LineBackordered(o1, l2, SKU, 0, 1, BackorderKind.BACKORDER, TODAY.minusDays(
                10).plusDays(12), PromiseConfidence.MEDIUM), tenDaysAgo));
        sent.add(facts.sendAt(new LineRejected(o1, l3, SKU, RejectionReason.OUT_OF_STOCK), tenDaysAgo));
        sent.add(facts.send(new PromiseDateChanged(o1, l2, SKU, TODAY.plusDays(2), TODAY.plusDays(4),
                PromiseConfidence.HIGH, "supplier ETA")));
        // offer on L2: kept waiting with a 5.00 discount
        sent.add(facts.send(new OfferMade(o1, offer, l2, SKU, List.of(OfferOptionKind.KEEP_WAITING,
                OfferOptionKind.CANCEL_WITH_REFUND), OfferOptionKind.KEEP_WAITING, now.plus(2, ChronoUnit.DAYS))));
        sent.add(facts.send(new OfferSettled(o1, offer, l2, SKU, OfferOptionKind.KEEP_WAITING, true, "DISCOUNT",
                new BigDecimal("5.00"), "EUR")));
        Envelope allocated = facts.send(new StockAllocated(o1, l2, SKU, 1, 0, "WH-KPI", 42.0, "gold, oldest"));
        facts.deliver(allocated);
        sent.add(allocated);
        sent.add(facts.send(new ReservedStockShipped(o1, l2, SKU, 1, "P-2")));
        // customer C2: L4 backordered, cancelled because of the delay and refunded
        sent.add(facts.sendAt(new OrderPlaced(o2, "C2-" + o2, CustomerTier.STANDARD, tenDaysAgo,
                List.of(new OrderPlaced.Line(l4, SKU, 1)), null), tenDaysAgo));
        sent.add(facts.sendAt(new LineBackordered(o2, l4, SKU, 0, 1, BackorderKind.BACKORDER, TODAY.plusDays(30),
                PromiseConfidence.LOW), tenDaysAgo));
        sent.add(facts.send(new LineCancelled(o2, l4, SKU, 1, "the customer declined the delay", true)));
        sent.add(facts.send(new PaymentRefunded(o2, l4, new BigDecimal("12.50"), "EUR")));
        // C1 orders again: L5 reserved, not shipped yet (fulfilment backlog)
        sent.add(facts.send(new OrderPlaced(o3, "C1-" + o1, CustomerTier.GOLD, now, List.of(
                new OrderPlaced.Line(l5, SKU, 1)), null)));
        sent.add(facts.send(new StockReserved(o3, l5, SKU, 1, "WH-KPI")));
        // supply: 3 available, 1 a day forecast, a purchase order due in 5 days that slips to 8
        sent.add(facts.send(new PurchaseOrderIssued("PO-KPI", "SUP-KPI", "WH-KPI", List.of(
                new PurchaseOrderIssued.Line("POL-KPI", SKU, 50, TODAY.plusDays(5))), null)));
        sent.add(facts.send(new EtaChanged("PO-KPI", "POL-KPI", SKU, TODAY.plusDays(5), TODAY.plusDays(8), true,
                "SUP-KPI")));
        sent.add(facts.send(new DemandForecastUpdated(SKU, TODAY, List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
                1.0, 1.0), "ses", 0.5, 0.0, 3)));
        sent.add(facts.send(new ContactClicked(o1, "EMAIL", "OFFER", now)));
        Facts.awaitProcessed(sent);
    }

    private static JsonPath kpi(String table) {
        return given().auth()
                .oauth2(Tokens.operator())
                .when()
                .get("/kpis/" + table)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> row(String table, String key, Object value) {
        List<Map<String, Object>> rows = kpi(table).getList("rows");
        return rows.stream()
                .filter(row -> String.valueOf(value).equals(String.valueOf(row.get(key))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row with " + key + "=" + value + " in " + rows));
    }

    @Test
    void ratesPerSkuCountEveryLineOnce() {
        // 5 lines decided; L2 and L4 backordered: 2/5; L1 and L2 shipped complete by their first promise: 2/5;
        // L3 rejected; L4 cancelled for the delay; nothing waits; L5's unit is reserved and not shipped
        assertThat(row("skus", "sku", SKU)).containsEntry("ordered", 5)
                .containsEntry("backordered", 2)
                .containsEntry("backorder_rate", 0.4f)
                .containsEntry("fill_rate", 0.4f)
                .containsEntry("rejected", 1)
                .containsEntry("cancelled_for_delay", 1)
                .containsEntry("refund_rate", 0.2f)
                .containsEntry("open_backorder_units", 0)
                .containsEntry("backlog_units", 1);
    }

    @Test
    void theRedeliveredShipmentAndAllocationCountOnce() {
        List<Map<String, Object>> lines = given().auth()
                .oauth2(Tokens.operator())
                .get("/kpis/skus/" + SKU + "/lines")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows");
        Map<String, Object> first = lines.stream()
                .filter(line -> l1.toString().equals(line.get("line")))
                .findFirst()
                .orElseThrow();
        assertThat(first).containsEntry("shipped", 2).containsEntry("outcome", "RESERVED");
        assertThat(row("locations", "location", "WH-KPI")).containsEntry("backlog_units", 1);
    }

    @Test
    void timeInBackorderPromiseAccuracyAndLostSales() {
        // L2 waited from ten days ago until today, and shipped before its first promise (today + 2)
        assertThat(row("time-in-backorder", "bucket_days", "8-14")).containsEntry("lines", 1)
                .containsEntry("units", 1)
                .containsEntry("average_days", 10.0f);
        assertThat(row("promise-accuracy", "sku", SKU)).containsEntry("shipped", 1)
                .containsEntry("on_final_promise", 1)
                .containsEntry("on_first_promise", 1)
                .containsEntry("accuracy", 1.0f);
        assertThat(row("lost-sales", "sku", SKU)).containsEntry("rejected_lines", 1)
                .containsEntry("rejected_units", 4)
                .containsEntry("cancelled_for_delay_lines", 1)
                .containsEntry("cancelled_for_delay_units", 1)
                .containsEntry("refunded_amount", 12.5f);
    }

    @Test
    void offersQueueRepeatPurchasesAndContactClicks() {
        assertThat(row("offers", "option", "KEEP_WAITING")).containsEntry("offered", 1)
                .containsEntry("taken_by_answer", 1)
                .containsEntry("taken_by_expiry", 0)
                .containsEntry("consolation_cost", 5.0f);
        assertThat(row("offers", "option", "CANCEL_WITH_REFUND")).containsEntry("offered", 1)
                .containsEntry("taken_by_answer", 0);
        assertThat(kpi("offers-awaiting").getList("rows.offer")).doesNotContain(offer.toString());
        // both customers' first orders had a backorder; only C1 ordered again
        assertThat(row("repeat-purchase", "cohort", "went through a backorder")).containsEntry("customers", 2)
                .containsEntry("ordered_again", 1)
                .containsEntry("repeat_rate", 0.5f);
        assertThat(row("contact-clicks", "via", "EMAIL")).containsEntry("message_kind", "OFFER")
                .containsEntry("clicks", 1);
    }

    @Test
    void etaSlipsPerSupplierAndStockoutRisk() {
        assertThat(row("suppliers", "supplier", "SUP-KPI")).containsEntry("open_po_lines", 1)
                .containsEntry("eta_changes", 1)
                .containsEntry("slips", 1)
                .containsEntry("slip_days", 3);
        // demand until the receipt in 8 days ~ Poisson(8): P(X > 3) = 1 - e^-8 (1 + 8 + 32 + 85.33) = 0.9576
        assertThat(row("stockout-risk", "sku", SKU)).containsEntry("available", 3)
                .containsEntry("days_to_receipt", 8)
                .containsEntry("expected_demand", 8.0f)
                .containsEntry("risk", 0.9576f);
    }

    @Test
    void csvExportHoldsTheSameRows() {
        String csv = given().auth()
                .oauth2(Tokens.operator())
                .queryParam("format", "csv")
                .get("/kpis/skus")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"skus.csv\"")
                .extract()
                .asString();
        assertThat(csv).startsWith("sku,ordered,backordered,backorder_rate,fill_rate,rejected,cancelled_for_delay,"
                + "refund_rate,open_backorder_units,backlog_units\r\n")
                .contains("\r\nKPI-A,5,2,0.4000,0.4000,1,1,0.2000,0,1\r\n");
    }

    @Test
    void theGaugesShowTheSameFigures() throws Throwable {
        String scrape = Gauges.refreshedScrape(metrics);
        assertThat(scrape).contains("backorder_kpi_backlog_units{sku=\"KPI-A\"} 1.0",
                "backorder_kpi_open_backorder_units{sku=\"KPI-A\"} 0.0",
                "backorder_kpi_stockout_risk{sku=\"KPI-A\"} 0.9576", "backorder_kpi_backorder_rate ",
                "backorder_insights_facts_total{type=\"OrderPlaced\"}");
    }

    @Test
    void operatorsOnly() {
        given().get("/kpis/skus").then().statusCode(401);
        given().auth().oauth2(Tokens.platform()).get("/kpis/skus").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.operator())
                .get("/kpis/no-such-table")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.operator())
                .queryParam("days", 0)
                .get("/kpis/skus")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.operator())
                .queryParam("from", "yesterday")
                .get("/kpis/skus")
                .then()
                .statusCode(422);
        given().redirects()
                .follow(false)
                .get("/board")
                .then()
                .statusCode(303)
                .header("Location",
                        org.hamcrest.Matchers.endsWith("/board/login"));
        given().redirects()
                .follow(false)
                .cookie("backorder_board", Tokens.platform())
                .get("/board")
                .then()
                .statusCode(403);
    }
}
