package io.backorder.insights.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.insights.Period;
import io.backorder.insights.StockoutRisk;
import io.backorder.insights.Table;
import io.backorder.insights.config.InsightsConfig;
import io.backorder.support.rest.NotFoundProblem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The KPIs, computed from the read model on request. Every one is a {@link Table}; the board, the JSON API and
 * the CSV export all read these same tables. Rates are over the lines decided (reserved, backordered or rejected)
 * within the period; queues and backlogs are as of now.
 */
@ApplicationScoped
public class Kpis {

    /** A line counts as filled on its first promise when it shipped complete by its first promise date. */
    private static final String FILLED = """
            outcome in ('RESERVED', 'BACKORDERED') and cancelled_at is null and shipped_units >= ordered_qty
                and (first_promise is null or (shipped_at at time zone 'UTC')::date <= first_promise)""";
    private static final String RATES = """
            count(*) as ordered,
            count(*) filter (where outcome = 'BACKORDERED') as backordered,
            count(*) filter (where %s) as filled,
            count(*) filter (where outcome = 'REJECTED') as rejected,
            count(*) filter (where cancelled_for_delay) as cancelled_for_delay,
            count(*) filter (where refunded_amount > 0) as refunded""".formatted(FILLED);
    /**
     * The lines of backorder quotes made within the period ($1 to $2) and what became of them, as of $4: an order
     * naming the quote within the conversion window ($3 seconds) converted it; without one the line is lost once
     * the window has passed, pending until then. An order placed after the window does not convert it.
     */
    private static final String QUOTE_LINES = """
            quote_lines as (
                select q.sku, q.quantity,
                    case when o.placed_at <= q.quoted_at + cast($3 as double precision) * interval '1 second'
                            then 'CONVERTED'
                        when q.quoted_at + cast($3 as double precision) * interval '1 second' <= $4 then 'LOST'
                        else 'PENDING' end as status
                from quote_fact q
                    left join lateral (select min(placed_at) as placed_at from order_fact
                        where order_fact.quote_id = q.quote_id) o on true
                where q.quoted_at >= $1 and q.quoted_at < $2)""";
    private static final String AGE_BUCKET = """
            case when %1$s < 8 then '0-7' when %1$s < 15 then '8-14' when %1$s < 31 then '15-30' else '31+' end""";

    /** Every KPI table by id, in the order the board shows them. */
    private static final Map<String, BiFunction<Kpis, Period, Uni<Table>>> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("daily", Kpis::daily);
        QUERIES.put("skus", Kpis::skus);
        QUERIES.put("locations", Kpis::locations);
        QUERIES.put("suppliers", Kpis::suppliers);
        QUERIES.put("eta-slips", Kpis::etaSlips);
        QUERIES.put("time-in-backorder", Kpis::timeInBackorder);
        QUERIES.put("aging", Kpis::aging);
        QUERIES.put("promise-accuracy", Kpis::promiseAccuracy);
        QUERIES.put("lost-sales", Kpis::lostSales);
        QUERIES.put("quote-conversion", Kpis::quoteConversion);
        QUERIES.put("offers", Kpis::offers);
        QUERIES.put("offers-awaiting", Kpis::offersAwaiting);
        QUERIES.put("contact-clicks", Kpis::contactClicks);
        QUERIES.put("repeat-purchase", Kpis::repeatPurchase);
        QUERIES.put("backorder-queue", Kpis::backorderQueue);
        QUERIES.put("stockout-risk", Kpis::stockoutRisk);
    }

    public static final List<String> TABLES = List.copyOf(QUERIES.keySet());

    private final Pool pool;
    private final Clock clock;
    private final ObjectMapper json;
    private final Duration conversionWindow;

    public Kpis(Pool pool, Clock clock, ObjectMapper json, InsightsConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.json = json;
        this.conversionWindow = config.quotes().conversionWindow();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public Uni<Table> table(String id, Period period) {
        BiFunction<Kpis, Period, Uni<Table>> table = QUERIES.get(id);
        if (table == null) {
            throw new NotFoundProblem("No KPI table " + id + "; the tables are " + TABLES);
        }
        return table.apply(this, period);
    }

    /** Per day: lines decided, backorder rate and fill rate (the charts are drawn from this). */
    public Uni<Table> daily(Period period) {
        return query("daily", "Lines per day", List.of("day", "ordered", "backordered", "rejected", "filled",
                "backorder_rate", "fill_rate"), """
                        select (decided_at at time zone 'UTC')::date as day, %s
                        from line_fact where decided_at >= $1 and decided_at < $2
                        group by 1 order by 1""".formatted(RATES), Tuple.of(period.start(), period.end()),
                row -> List.of(row.getLocalDate("day"), row.getLong("ordered"), row.getLong("backordered"),
                        row.getLong("rejected"), row.getLong("filled"),
                        rate(row.getLong("backordered"), row.getLong("ordered")),
                        rate(row.getLong("filled"), row.getLong("ordered"))));
    }

    /** Per SKU: rates over the period, and open backorder units and fulfilment backlog as of now. */
    public Uni<Table> skus(Period period) {
        return query("skus", "SKUs", List.of("sku", "ordered", "backordered", "backorder_rate", "fill_rate",
                "rejected", "cancelled_for_delay", "refund_rate", "open_backorder_units", "backlog_units"), """
                        with rates as (
                            select sku, %s from line_fact
                            where decided_at >= $1 and decided_at < $2 group by sku),
                        now as (
                            select sku,
                                coalesce(sum(backorder_open) filter (where cancelled_at is null), 0) as open_units,
                                coalesce(sum(greatest(reserved_units + allocated_units - released_reserved
                                    - shipped_units, 0)) filter (where cancelled_at is null), 0) as backlog
                            from line_fact where outcome is not null group by sku)
                        select coalesce(r.sku, n.sku) as sku, coalesce(r.ordered, 0) as ordered,
                            coalesce(r.backordered, 0) as backordered, coalesce(r.filled, 0) as filled,
                            coalesce(r.rejected, 0) as rejected, coalesce(r.cancelled_for_delay, 0) as delayed,
                            coalesce(r.refunded, 0) as refunded,
                            coalesce(n.open_units, 0) as open_units, coalesce(n.backlog, 0) as backlog
                        from rates r full join now n on n.sku = r.sku
                        where coalesce(r.ordered, 0) > 0 or n.open_units > 0 or n.backlog > 0
                        order by open_units desc, sku""".formatted(RATES), Tuple.of(period.start(), period.end()),
                row -> List.of(row.getString("sku"), row.getLong("ordered"), row.getLong("backordered"),
                        rate(row.getLong("backordered"), row.getLong("ordered")),
                        rate(row.getLong("filled"), row.getLong("ordered")), row.getLong("rejected"),
                        row.getLong("delayed"), rate(row.getLong("refunded"), row.getLong("ordered")),
                        row.getLong("open_units"), row.getLong("backlog")));
    }

    /** Per location: lines served from it in the period and the units there waiting to ship. */
    public Uni<Table> locations(Period period) {
        return query("locations", "Locations", List.of("location", "lines", "shipped_units", "backlog_units"), """
                select location_id,
                    count(*) filter (where decided_at >= $1 and decided_at < $2) as lines,
                    coalesce(sum(shipped_units) filter (where shipped_at >= $1 and shipped_at < $2), 0) as shipped,
                    coalesce(sum(greatest(reserved_units + allocated_units - released_reserved - shipped_units, 0))
                        filter (where cancelled_at is null), 0) as backlog
                from line_fact where location_id is not null group by location_id order by location_id""",
                Tuple.of(period.start(), period.end()), row -> List.of(row.getString("location_id"),
                        row.getLong("lines"), row.getLong("shipped"), row.getLong("backlog")));
    }

    /** Per supplier: purchase-order lines and how their ETAs moved within the period. */
    public Uni<Table> suppliers(Period period) {
        return query("suppliers", "ETA slips per supplier", List.of("supplier", "open_po_lines", "eta_changes",
                "slips", "slip_days", "average_slip_days"),
                """
                        with changes as (
                            select supplier_id, count(*) as changes,
                                count(*) filter (where new_eta > previous_eta) as slips,
                                coalesce(sum(new_eta - previous_eta) filter (where new_eta > previous_eta), 0) as days
                            from eta_change_fact where changed_at >= $1 and changed_at < $2 group by supplier_id),
                        open as (
                            select supplier_id, count(*) filter (where not cancelled and received_qty < quantity)
                                as open_lines
                            from purchase_line_fact group by supplier_id)
                        select coalesce(c.supplier_id, o.supplier_id) as supplier, coalesce(o.open_lines, 0) as open_lines,
                            coalesce(c.changes, 0) as changes, coalesce(c.slips, 0) as slips,
                            coalesce(c.days, 0) as days
                        from changes c full join open o on o.supplier_id = c.supplier_id
                        order by slips desc, supplier""",
                Tuple.of(period.start(), period.end()),
                row -> List.of(row.getString("supplier"), row.getLong("open_lines"), row.getLong("changes"),
                        row.getLong("slips"), row.getLong("days"),
                        ratio(row.getLong("days"), row.getLong("slips"))));
    }

    /** Every ETA change within the period, latest first. */
    public Uni<Table> etaSlips(Period period) {
        return query("eta-slips", "ETA changes", List.of("changed_at", "supplier", "sku", "purchase_order_line",
                "previous_eta", "new_eta", "slip_days"), """
                        select changed_at, supplier_id, sku, purchase_order_line_id, previous_eta, new_eta,
                            coalesce(new_eta - previous_eta, 0) as slip
                        from eta_change_fact where changed_at >= $1 and changed_at < $2
                        order by changed_at desc limit 500""", Tuple.of(period.start(), period.end()),
                row -> List.of(row.getOffsetDateTime("changed_at").toInstant(), row.getString("supplier_id"),
                        row.getString("sku"), row.getString("purchase_order_line_id"),
                        nullable(row.getLocalDate("previous_eta")), row.getLocalDate("new_eta"),
                        row.getInteger("slip")));
    }

    /** How long backorders that were served (fully allocated) within the period waited. */
    public Uni<Table> timeInBackorder(Period period) {
        String days = "extract(epoch from backorder_cleared_at - decided_at) / 86400";
        return query("time-in-backorder", "Time in backorder (served backorders)", List.of("bucket_days", "lines",
                "units", "average_days"),
                """
                        select %s as bucket, count(*) as lines, sum(backordered_qty) as units,
                            avg(%s) as average
                        from line_fact
                        where backordered_qty > 0 and backorder_cleared_at >= $1 and backorder_cleared_at < $2
                            and cancelled_at is null
                        group by 1 order by min(%s)""".formatted(AGE_BUCKET.formatted("floor(" + days + ")"), days,
                        days),
                Tuple.of(period.start(), period.end()),
                row -> List.of(row.getString("bucket"), row.getLong("lines"), row.getLong("units"),
                        round(row.getDouble("average"))));
    }

    /** Backorders still waiting, by how long they have waited. */
    public Uni<Table> aging(Period period) {
        String age = "(($1::date) - (decided_at at time zone 'UTC')::date)";
        return query("aging", "Open backorders by age", List.of("bucket_days", "lines", "units"), """
                select %s as bucket, count(*) as lines, sum(backorder_open) as units
                from line_fact where backorder_open > 0 and cancelled_at is null
                group by 1 order by min(%s)""".formatted(AGE_BUCKET.formatted(age), age),
                Tuple.of(today()), row -> List.of(row.getString("bucket"), row.getLong("lines"),
                        row.getLong("units")));
    }

    /** Backordered lines shipped complete within the period: shipped by the promise, and by the first promise. */
    public Uni<Table> promiseAccuracy(Period period) {
        return query("promise-accuracy", "Promise accuracy (backordered lines shipped)", List.of("sku", "shipped",
                "on_final_promise", "on_first_promise", "accuracy", "average_days_late_vs_first_promise"), """
                        with shipped as (
                            select sku, (shipped_at at time zone 'UTC')::date as day, promise, first_promise
                            from line_fact
                            where outcome = 'BACKORDERED' and shipped_units >= ordered_qty and shipped_at >= $1
                                and shipped_at < $2 and promise is not null)
                        select sku, count(*) as shipped, count(*) filter (where day <= promise) as on_final,
                            count(*) filter (where day <= first_promise) as on_first,
                            avg(greatest(day - first_promise, 0)) as late
                        from shipped group by sku order by sku""", Tuple.of(period.start(), period.end()),
                row -> List.of(row.getString("sku"), row.getLong("shipped"), row.getLong("on_final"),
                        row.getLong("on_first"), rate(row.getLong("on_final"), row.getLong("shipped")),
                        round(row.getNumeric("late") == null ? 0 : row.getNumeric("late").doubleValue())));
    }

    /**
     * Sales lost within the period: rejected lines, lines cancelled because of a delay and their refunds, and lines of
     * backorder quotes that no order followed within the conversion window.
     */
    public Uni<Table> lostSales(Period period) {
        return query("lost-sales", "Lost sales", List.of("sku", "rejected_lines", "rejected_units",
                "cancelled_for_delay_lines", "cancelled_for_delay_units", "refunded_amount",
                "backorder_quote_lines_lost", "backorder_quote_units_lost"), """
                        with %s,
                        orders as (
                            select sku,
                                count(*) filter (where outcome = 'REJECTED' and decided_at >= $1 and decided_at < $2)
                                    as rejected,
                                coalesce(sum(ordered_qty) filter (where outcome = 'REJECTED' and decided_at >= $1
                                    and decided_at < $2), 0) as rejected_units,
                                count(*) filter (where cancelled_for_delay and cancelled_at >= $1
                                    and cancelled_at < $2) as delayed,
                                coalesce(sum(ordered_qty) filter (where cancelled_for_delay and cancelled_at >= $1
                                    and cancelled_at < $2), 0) as delayed_units,
                                coalesce(sum(refunded_amount) filter (where cancelled_for_delay and cancelled_at >= $1
                                    and cancelled_at < $2), 0) as refunded
                            from line_fact group by sku),
                        quotes as (
                            select sku, count(*) as lost, sum(quantity) as lost_units
                            from quote_lines where status = 'LOST' group by sku)
                        select coalesce(o.sku, q.sku) as sku, coalesce(o.rejected, 0) as rejected,
                            coalesce(o.rejected_units, 0) as rejected_units, coalesce(o.delayed, 0) as delayed,
                            coalesce(o.delayed_units, 0) as delayed_units, coalesce(o.refunded, 0) as refunded,
                            coalesce(q.lost, 0) as quote_lost, coalesce(q.lost_units, 0) as quote_lost_units
                        from orders o full join quotes q on q.sku = o.sku
                        where coalesce(o.rejected, 0) + coalesce(o.delayed, 0) + coalesce(q.lost, 0) > 0
                        order by 1""".formatted(QUOTE_LINES), quoteParameters(period),
                row -> List.of(row.getString("sku"), row.getLong("rejected"), row.getLong("rejected_units"),
                        row.getLong("delayed"), row.getLong("delayed_units"), money(row.getBigDecimal("refunded")),
                        row.getLong("quote_lost"), row.getLong("quote_lost_units")));
    }

    /**
     * Backorder quotes made within the period, per SKU: quoted lines that became an order within the conversion
     * window, were lost, or are still within it; the conversion rate is over the lines decided (converted or lost).
     */
    public Uni<Table> quoteConversion(Period period) {
        return query("quote-conversion", "Backorder quotes: converted and lost", List.of("sku", "quoted_lines",
                "converted", "lost", "pending", "conversion_rate"), """
                        with %s
                        select sku, count(*) as quoted, count(*) filter (where status = 'CONVERTED') as converted,
                            count(*) filter (where status = 'LOST') as lost,
                            count(*) filter (where status = 'PENDING') as pending
                        from quote_lines group by sku order by sku""".formatted(QUOTE_LINES),
                quoteParameters(period),
                row -> List.of(row.getString("sku"), row.getLong("quoted"), row.getLong("converted"),
                        row.getLong("lost"), row.getLong("pending"),
                        rate(row.getLong("converted"), row.getLong("converted") + row.getLong("lost"))));
    }

    /** Period start and end, the conversion window in seconds and now: the parameters of {@link #QUOTE_LINES}. */
    private Tuple quoteParameters(Period period) {
        return Tuple.of(period.start(), period.end(), conversionWindow.toMillis() / 1000.0,
                clock.instant().atOffset(ZoneOffset.UTC));
    }

    /** Offers made within the period by option: how often offered, taken by answer and by expiry, and the cost. */
    public Uni<Table> offers(Period period) {
        return query("offers", "Offers by option", List.of("option", "offered", "taken_by_answer",
                "taken_by_expiry", "consolation_cost"), """
                        with made as (
                            select o.*, unnest(string_to_array(o.options, ',')) as option
                            from offer_fact o where made_at >= $1 and made_at < $2)
                        select option, count(*) as offered,
                            count(*) filter (where chosen = option and answered) as answered,
                            count(*) filter (where chosen = option and not answered) as expired,
                            coalesce(sum(consolation_cost) filter (where chosen = option), 0) as cost
                        from made group by option order by option""", Tuple.of(period.start(), period.end()),
                row -> List.of(row.getString("option"), row.getLong("offered"), row.getLong("answered"),
                        row.getLong("expired"), money(row.getBigDecimal("cost"))));
    }

    /** Offers nobody has answered yet, soonest expiry first. */
    public Uni<Table> offersAwaiting(Period period) {
        return query("offers-awaiting", "Offers awaiting an answer", List.of("offer", "order", "sku", "options",
                "fallback", "made_at", "expires_at"), """
                        select o.offer_id, o.order_id, o.sku, o.options, o.fallback, o.made_at, o.expires_at
                        from offer_fact o left join line_fact l on l.line_id = o.line_id
                        where o.settled_at is null and l.cancelled_at is null
                        order by o.expires_at limit 500""", Tuple.tuple(),
                row -> List.of(row.getUUID("offer_id"), row.getUUID("order_id"), row.getString("sku"),
                        row.getString("options"), row.getString("fallback"),
                        row.getOffsetDateTime("made_at").toInstant(),
                        row.getOffsetDateTime("expires_at").toInstant()));
    }

    /** Customer-service load: "contact us" clicks within the period by where they came from. */
    public Uni<Table> contactClicks(Period period) {
        return query("contact-clicks", "Contact-us clicks", List.of("via", "message_kind", "clicks"), """
                select via, coalesce(message_kind, '') as kind, count(*) as clicks from contact_click_fact
                where clicked_at >= $1 and clicked_at < $2 group by 1, 2 order by 3 desc, 1, 2""",
                Tuple.of(period.start(), period.end()),
                row -> List.of(row.getString("via"), row.getString("kind"), row.getLong("clicks")));
    }

    /**
     * Customers whose first order in the period had a backordered line, against those whose did not: how many
     * ordered again afterwards.
     */
    public Uni<Table> repeatPurchase(Period period) {
        return query("repeat-purchase", "Repeat purchases", List.of("cohort", "customers", "ordered_again",
                "repeat_rate"), """
                        with firsts as (
                            select distinct on (o.customer_id) o.customer_id, o.placed_at,
                                exists (select 1 from line_fact l where l.order_id = o.order_id
                                    and l.outcome = 'BACKORDERED') as backordered
                            from order_fact o where o.placed_at >= $1 and o.placed_at < $2
                            order by o.customer_id, o.placed_at)
                        select case when f.backordered then 'went through a backorder' else 'no backorder' end
                                as cohort,
                            count(*) as customers,
                            count(*) filter (where exists (select 1 from order_fact later
                                where later.customer_id = f.customer_id and later.placed_at > f.placed_at)) as again
                        from firsts f group by 1 order by 1 desc""", Tuple.of(period.start(), period.end()),
                row -> List.of(row.getString("cohort"), row.getLong("customers"), row.getLong("again"),
                        rate(row.getLong("again"), row.getLong("customers"))));
    }

    /** Backorders waiting now, per SKU and customer tier (the tier weighs most in allocation priority). */
    public Uni<Table> backorderQueue(Period period) {
        return query("backorder-queue", "Backorder queue by priority tier", List.of("sku", "tier", "lines",
                "units", "oldest_since"), """
                        select l.sku, coalesce(o.customer_tier, 'UNKNOWN') as tier, count(*) as lines,
                            sum(l.backorder_open) as units, min(l.decided_at) as oldest
                        from line_fact l left join order_fact o on o.order_id = l.order_id
                        where l.backorder_open > 0 and l.cancelled_at is null
                        group by 1, 2
                        order by 1, case coalesce(o.customer_tier, 'UNKNOWN') when 'PLATINUM' then 0
                            when 'GOLD' then 1 when 'SILVER' then 2 when 'STANDARD' then 3 else 4 end""",
                Tuple.tuple(), row -> List.of(row.getString("sku"), row.getString("tier"), row.getLong("lines"),
                        row.getLong("units"), row.getOffsetDateTime("oldest").toInstant()));
    }

    /** Per SKU with a forecast: expected demand until the next receipt against what is available. */
    public Uni<Table> stockoutRisk(Period period) {
        LocalDate today = today();
        return pool.preparedQuery("""
                select f.sku, f.starts, f.daily, f.available_quantity,
                    (select min(p.expected) from purchase_line_fact p where p.sku = f.sku and not p.cancelled
                        and p.received_qty < p.quantity and p.expected >= $1) as next_receipt
                from forecast_fact f order by f.sku""").execute(Tuple.of(today)).map(rows -> {
            List<List<Object>> table = new ArrayList<>();
            for (Row row : rows) {
                List<Double> daily = daily(row.getString("daily"));
                LocalDate next = row.getLocalDate("next_receipt");
                // without an inbound receipt, the risk is over the forecast's whole horizon
                LocalDate until = next != null ? next : row.getLocalDate("starts").plusDays(daily.size());
                int days = (int) Math.max(0, ChronoUnit.DAYS.between(today, until));
                int offset = (int) ChronoUnit.DAYS.between(row.getLocalDate("starts"), today);
                double demand = StockoutRisk.expectedDemand(daily, offset, days);
                Integer available = row.getInteger("available_quantity");
                table.add(Arrays.asList(row.getString("sku"), available, nullable(next), days, round(demand),
                        available == null
                                ? null
                                : probability(StockoutRisk.probabilityOfRunningOut(demand, available))));
            }
            return new Table("stockout-risk", "Stockout risk before the next receipt", List.of("sku", "available",
                    "next_receipt", "days_to_receipt", "expected_demand", "risk"), table);
        });
    }

    /** One SKU's lines, latest first: the drill-down from the SKU table. */
    public Uni<Table> skuLines(String sku) {
        return query("sku-lines", "Lines of " + sku, List.of("line", "order", "outcome", "decided_at", "ordered",
                "backordered", "open_backorder", "first_promise", "promise", "shipped", "shipped_at", "cancelled_at",
                "cancelled_for_delay"), """
                        select * from line_fact where sku = $1 and outcome is not null
                        order by decided_at desc limit 1000""", Tuple.of(sku),
                row -> Arrays.asList(row.getUUID("line_id"), row.getUUID("order_id"), row.getString("outcome"),
                        row.getOffsetDateTime("decided_at").toInstant(), row.getInteger("ordered_qty"),
                        row.getInteger("backordered_qty"), row.getInteger("backorder_open"),
                        row.getLocalDate("first_promise"), row.getLocalDate("promise"),
                        row.getInteger("shipped_units"), instant(row.getOffsetDateTime("shipped_at")),
                        instant(row.getOffsetDateTime("cancelled_at")), row.getBoolean("cancelled_for_delay")));
    }

    private Uni<Table> query(String id, String title, List<String> columns, String sql, Tuple parameters,
            Function<Row, List<Object>> mapper) {
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            List<List<Object>> table = new ArrayList<>();
            for (Row row : rows) {
                table.add(mapper.apply(row));
            }
            return new Table(id, title, columns, table);
        });
    }

    private List<Double> daily(String text) {
        try {
            return json.readValue(text, new TypeReference<List<Double>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored forecast is not a JSON list", e);
        }
    }

    /** A share as a decimal with four places; zero when nothing was counted. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long total, long count) {
        return count == 0
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal probability(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    private static Object instant(OffsetDateTime time) {
        return time == null ? "" : time.toInstant();
    }
}
