package io.backorder.insights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.BackorderQuoted;
import io.backorder.contracts.order.OrderPlaced;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.insights.service.KpiMetrics;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Backorder quotes and the orders placed from them, sent as real AMQP messages with explicit times around the
 * default conversion window of 24 hours: converted (the order before or after the quote's message), lost (no order,
 * or one after the window), pending. Redelivered and repeated facts count once.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuoteConversionTest {

    private static final String SKU = "QC-A";
    private static final String OTHER_SKU = "QC-B";
    private static final LocalDate PROMISE = LocalDate.now(ZoneOffset.UTC).plusDays(20);

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    KpiMetrics metrics;

    @BeforeAll
    void sendTheFacts() {
        Facts facts = new Facts(broker, codec);
        Instant now = Instant.now();
        List<Envelope> sent = new ArrayList<>();
        // Q1, three days ago: ordered an hour later; the order's message arrives before the quote's -> CONVERTED
        UUID q1 = UUID.randomUUID();
        Instant q1At = now.minus(3, ChronoUnit.DAYS);
        sent.add(facts.send(order(q1, q1At.plus(1, ChronoUnit.HOURS))));
        sent.add(facts.send(quote(q1, q1At, line(SKU, 2))));
        // Q2, two days ago, never ordered -> LOST: the basket named QC-A twice (one line of 3 units) and QC-B;
        // delivered again by the broker and re-sent with a new message id
        UUID q2 = UUID.randomUUID();
        Envelope lost = facts.send(quote(q2, now.minus(2, ChronoUnit.DAYS), line(SKU, 1), line(SKU, 2),
                line(OTHER_SKU, 4)));
        facts.deliver(lost);
        sent.add(lost);
        sent.add(facts.send(quote(q2, now.minus(2, ChronoUnit.DAYS), line(SKU, 1), line(SKU, 2),
                line(OTHER_SKU, 4))));
        // Q3, an hour ago, no order yet -> PENDING
        sent.add(facts.send(quote(UUID.randomUUID(), now.minus(1, ChronoUnit.HOURS), line(SKU, 1))));
        // Q4, 30 hours ago, ordered two hours ago: after the window -> LOST
        UUID q4 = UUID.randomUUID();
        sent.add(facts.send(quote(q4, now.minus(30, ChronoUnit.HOURS), line(SKU, 1))));
        sent.add(facts.send(order(q4, now.minus(2, ChronoUnit.HOURS))));
        // Q5, two hours ago, ordered now (quote first, then the order, delivered twice) -> CONVERTED
        UUID q5 = UUID.randomUUID();
        sent.add(facts.send(quote(q5, now.minus(2, ChronoUnit.HOURS), line(SKU, 5))));
        Envelope ordered = facts.send(order(q5, now));
        facts.deliver(ordered);
        sent.add(ordered);
        Facts.awaitProcessed(sent);
    }

    private static BackorderQuoted quote(UUID quoteId, Instant at, BackorderQuoted.Line... lines) {
        return new BackorderQuoted(quoteId, at, List.of(lines));
    }

    private static BackorderQuoted.Line line(String sku, int quantity) {
        return new BackorderQuoted.Line(sku, quantity, BackorderKind.BACKORDER, PROMISE, null);
    }

    private static OrderPlaced order(UUID quoteId, Instant placedAt) {
        UUID orderId = UUID.randomUUID();
        return new OrderPlaced(orderId, "QC-" + orderId, CustomerTier.STANDARD, placedAt,
                List.of(new OrderPlaced.Line(UUID.randomUUID(), SKU, 1)), quoteId);
    }

    private static Map<String, Object> row(String table, String sku) {
        List<Map<String, Object>> rows = given().auth()
                .oauth2(Tokens.operator())
                .get("/kpis/" + table)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows");
        return rows.stream()
                .filter(row -> sku.equals(row.get("sku")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row for " + sku + " in " + rows));
    }

    @Test
    void quotesAreConvertedLostOrPendingByTheWindow() {
        // converted Q1 and Q5, lost Q2 and Q4, pending Q3: the rate is over the decided ones, 2 of 4
        assertThat(row("quote-conversion", SKU)).containsEntry("quoted_lines", 5)
                .containsEntry("converted", 2)
                .containsEntry("lost", 2)
                .containsEntry("pending", 1)
                .containsEntry("conversion_rate", 0.5f);
        assertThat(row("quote-conversion", OTHER_SKU)).containsEntry("quoted_lines", 1)
                .containsEntry("converted", 0)
                .containsEntry("lost", 1)
                .containsEntry("conversion_rate", 0.0f);
    }

    @Test
    void lostQuotesAreLostSales() {
        // Q2 (1 + 2 units) and Q4 (1 unit); nothing was rejected or cancelled
        assertThat(row("lost-sales", SKU)).containsEntry("backorder_quote_lines_lost", 2)
                .containsEntry("backorder_quote_units_lost", 4)
                .containsEntry("rejected_lines", 0)
                .containsEntry("cancelled_for_delay_lines", 0);
        assertThat(row("lost-sales", OTHER_SKU)).containsEntry("backorder_quote_lines_lost", 1)
                .containsEntry("backorder_quote_units_lost", 4);
    }

    @Test
    void quotesMadeBeforeThePeriodAreLeftOut() {
        List<Object> skus = given().auth()
                .oauth2(Tokens.operator())
                .queryParam("days", 1)
                .get("/kpis/quote-conversion")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows.sku");
        // only Q3, Q4 and Q5 (at most 30 hours old) can fall on today or yesterday; QC-B was quoted 2 days ago
        assertThat(skus).doesNotContain(OTHER_SKU);
    }

    @Test
    void theBoardAndItsExportShowTheTable() {
        String board = given().redirects()
                .follow(false)
                .cookie("backorder_board", Tokens.operator())
                .get("/board")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(board).contains("<table data-table=\"quote-conversion\">", "Backorder quotes: converted and lost",
                "<th>backorder_quote_lines_lost</th>");
        String csv = given().cookie("backorder_board", Tokens.operator())
                .get("/board/quote-conversion/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv).startsWith("sku,quoted_lines,converted,lost,pending,conversion_rate\r\n")
                .contains("\r\nQC-A,5,2,2,1,0.5000\r\n", "\r\nQC-B,1,0,1,0,0.0000\r\n");
        assertThat(given().auth()
                .oauth2(Tokens.operator())
                .queryParam("format", "csv")
                .get("/kpis/lost-sales")
                .then()
                .statusCode(200)
                .extract()
                .asString()).contains("\r\nQC-A,0,0,0,0,0.00,2,4\r\n");
    }

    @Test
    void theGaugeCountsTheLostQuoteLines() throws Throwable {
        String scrape = Gauges.refreshedScrape(metrics);
        // QC-A's two and QC-B's one; no other test sends quotes
        assertThat(scrape).contains("backorder_kpi_lost_quote_lines 3.0");
    }

    @Test
    void anOrderPlacedWrittenBeforeQuoteIdsExistedIsStillRead() throws Exception {
        Facts facts = new Facts(broker, codec);
        UUID orderId = UUID.randomUUID();
        Envelope current = codec.wrap(new OrderPlaced(orderId, "QC-old", CustomerTier.GOLD, Instant.now(),
                List.of(new OrderPlaced.Line(UUID.randomUUID(), SKU, 1)), null), null);
        ObjectNode data = ((ObjectNode) current.data()).deepCopy();
        data.remove("quoteId");
        Envelope old = new Envelope(current.specVersion(), current.id(), current.type(), current.source(),
                current.time(), current.correlationId(), current.causationId(), current.schemaVersion(),
                current.dataContentType(), data, current.traceparent(), current.tracestate());
        assertThat(codec.write(old)).doesNotContain("quoteId");

        facts.deliver(old);

        Facts.awaitProcessed(List.of(old));
    }
}
