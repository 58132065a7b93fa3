package io.backorder.inventory.repository;

import static io.backorder.inventory.repository.SqlRows.micros;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.inventory.DemandDelta;
import io.backorder.inventory.LineStatus;
import io.backorder.inventory.WaitingLine;
import io.backorder.inventory.config.InventoryConfig;
import io.backorder.support.persistence.SessionSql;
import io.smallrye.mutiny.Uni;

/**
 * The backorder queues and the fulfilment backlog in SQL. Allocation and promise recomputation touch every waiting
 * line of a SKU, so they read lines as values and write them set-based; every write repeats the state guard of the
 * corresponding {@code OrderLine} transition in its WHERE clause and the caller checks the row count. Callers hold
 * the locks of the SKUs involved and have flushed the session.
 */
@ApplicationScoped
public class QueueRepository {

    private static final String WAITING_COLUMNS = """
            line_id, order_id, sku, status, backordered, reserved, location_id, ship_complete, customer_tier,
            order_value, %s, queue_seq, kind, promise_date, first_promise_date, confidence, latest_acceptable_date"""
            .formatted(micros("ordered_at"));
    /** backordered > 0 is the same as status BACKORDERED (a check constraint) and matches the partial index. */
    private static final String WAITING = "select " + WAITING_COLUMNS
            + " from order_line where sku = any(cast($1 as varchar[])) and backordered > 0";
    /** Other SKUs that orders shipping complete wait for, when they also wait for one of these SKUs. */
    private static final String SHIP_COMPLETE_PARTNERS = """
            select distinct other.sku from order_line line
            join order_line other on other.order_id = line.order_id
            where line.sku in (?1) and line.ship_complete and line.backordered > 0
              and other.backordered > 0 and other.sku not in (?1)""";
    private static final String ORDERS_WAITING_ELSEWHERE = """
            select distinct order_id from order_line
            where order_id = any(cast($1 as uuid[])) and backordered > 0 and sku <> all(cast($2 as varchar[]))""";
    /**
     * One allocation in one statement: the lines take the units (guarded like {@code OrderLine}: only backordered
     * lines, never more than they wait for), their reservations grow per location, and the placements are logged
     * with the scores and explanations that decided them, as one {@code allocation_batch} row. Returns how many lines
     * refused their units (always 0 unless there is a bug). The placements go in as one array per column (binary, no
     * JSON to write and parse); the cause is the same for all of them.
     */
    private static final String APPLY_ALLOCATIONS = """
            with p as (
                select * from unnest(cast($1 as uuid[]), cast($4 as varchar[]), cast($5 as int[]),
                    cast($6 as float8[]), cast($7 as float8[]), cast($8 as float8[]), cast($9 as float8[]),
                    cast($10 as float8[]))
                    as p(line_id, location_id, units, score_total, score_tier, score_value, score_age, score_slip)
            ), per_line as (
                select line_id, sum(units) as units, min(location_id) as location_id, max(score_total) as score_total,
                    max(score_tier) as score_tier, max(score_value) as score_value, max(score_age) as score_age,
                    max(score_slip) as score_slip
                from p group by line_id
            ), granted as (
                update order_line o set reserved = o.reserved + g.units, backordered = o.backordered - g.units,
                    allocated = o.allocated + g.units,
                    status = case when o.backordered = g.units then 'RESERVED' else 'BACKORDERED' end,
                    location_id = coalesce(o.location_id, g.location_id),
                    score_total = g.score_total, score_tier = g.score_tier, score_value = g.score_value,
                    score_age = g.score_age, score_slip = g.score_slip, scored_at = now(), updated_at = now(),
                    version = o.version + 1
                from per_line g
                where o.line_id = g.line_id and o.status = 'BACKORDERED' and o.backordered >= g.units
                returning o.line_id
            ), reserved as (
                insert into line_reservation (line_id, location_id, units)
                select line_id, location_id, units from p
                on conflict (line_id, location_id) do update set units = line_reservation.units + excluded.units
            ), logged as (
                insert into allocation_batch (cause, cause_ref, line_ids, order_ids, skus, location_ids, units,
                    score_total, score_tier, score_value, score_age, score_slip, explanations)
                values (cast($12 as varchar), cast($13 as varchar), cast($1 as uuid[]), cast($2 as uuid[]),
                    cast($3 as varchar[]), cast($4 as varchar[]), cast($5 as int[]), cast($6 as float8[]),
                    cast($7 as float8[]), cast($8 as float8[]), cast($9 as float8[]), cast($10 as float8[]),
                    cast($11 as varchar[]))
            )
            select (select count(*) from per_line) - (select count(*) from granted)""";
    private static final String APPLY_PROMISES = """
            update order_line o set promise_date = p.promise_date, confidence = p.confidence,
                first_promise_date = coalesce(o.first_promise_date, p.promise_date),
                first_confidence = coalesce(o.first_confidence, p.confidence),
                updated_at = now(), version = o.version + 1
            from unnest(cast($1 as uuid[]), cast(cast($2 as text[]) as date[]), cast($3 as varchar[]))
                as p(line_id, promise_date, confidence)
            where o.line_id = p.line_id and o.status in ('BACKORDERED', 'RESERVED')""";
    /** The placements of one cause in the order they were decided (statement by statement, then within each). */
    private static final String ALLOCATIONS_BY_CAUSE = """
            select p.line_id, p.order_id, p.sku, p.location_id, p.units, p.score_total, p.explanation
            from allocation_batch b
            cross join lateral unnest(b.line_ids, b.order_ids, b.skus, b.location_ids, b.units, b.score_total,
                b.explanations) with ordinality as p(line_id, order_id, sku, location_id, units, score_total,
                    explanation, position)
            where b.cause = $1 and b.cause_ref = $2 order by b.id, p.position""";
    private static final String RECORD_DEMAND = """
            insert into demand_day (sku, day, ordered_units, backordered_units, rejected_units,
                cancelled_delay_units, cancelled_other_units)
            select * from unnest($1::text[], $2::date[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[])
            on conflict (sku, day) do update set
                ordered_units = demand_day.ordered_units + excluded.ordered_units,
                backordered_units = demand_day.backordered_units + excluded.backordered_units,
                rejected_units = demand_day.rejected_units + excluded.rejected_units,
                cancelled_delay_units = demand_day.cancelled_delay_units + excluded.cancelled_delay_units,
                cancelled_other_units = demand_day.cancelled_other_units + excluded.cancelled_other_units""";
    /**
     * A SKU whose demand changed is due for replenishment planning once its wait ($2, seconds) after its last run has
     * passed, at once if it has. Written with the demand, under the SKU's lock, so a planning run (which takes the
     * same lock) either saw this demand or is due again after it. A SKU already due that early is left alone: most
     * reservations of a busy SKU write nothing here.
     */
    private static final String PLANNING_DUE = """
            update sku_planning p
            set due_at = greatest(now(), p.last_planned_at + make_interval(secs => s.wait)),
                due_reason = 'demand changed'
            from unnest($1::text[], $2::float8[]) as s(sku, wait)
            where p.sku = s.sku and p.due_at > greatest(now(), p.last_planned_at + make_interval(secs => s.wait))""";

    /** Units given to one line from one location, with the score that decided it. */
    public record AllocationRow(UUID lineId, UUID orderId, String sku, String locationId, int units,
            double scoreTotal, double scoreTier, double scoreValue, double scoreAge, double scoreSlip,
            String explanation) {
    }

    public record PromiseRow(UUID lineId, LocalDate promiseDate, PromiseConfidence confidence) {
    }

    public record RecordedAllocation(UUID lineId, UUID orderId, String sku, String locationId, int units,
            double priorityScore, String explanation) {
    }

    public record BacklogLine(UUID lineId, UUID orderId, String sku, LineStatus status, int reserved,
            int backordered, int allocated, Instant orderedAt, String reservations) {
    }

    public record BacklogTotals(long lines, long units) {
    }

    public record DemandRow(String sku, LocalDate day, int orderedUnits, int backorderedUnits, int rejectedUnits,
            int cancelledDelayUnits, int cancelledOtherUnits) {
    }

    private final Duration planningMinInterval;

    public QueueRepository(InventoryConfig config) {
        this.planningMinInterval = config.planning().minInterval();
    }

    public Uni<List<WaitingLine>> waiting(Collection<String> skus) {
        return SessionSql.query(WAITING, new Object[]{skus.toArray(String[]::new)}, QueueRepository::waitingLine);
    }

    public Uni<List<String>> shipCompletePartnerSkus(Collection<String> skus) {
        return SqlRows.select(SHIP_COMPLETE_PARTNERS, List.of(skus), row -> SqlRows.string(row[0]));
    }

    /** Of these orders, those that also wait for a SKU not in {@code skus}. */
    public Uni<Set<UUID>> ordersWaitingElsewhere(Collection<UUID> orderIds, Collection<String> skus) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return SessionSql.query(ORDERS_WAITING_ELSEWHERE,
                new Object[]{orderIds.toArray(UUID[]::new), skus.toArray(String[]::new)}, row -> SqlRows.uuid(row[0]))
                .map(HashSet::new);
    }

    /**
     * Applies placements of one cause, e.g. a receipt ({@code cause} RECEIPT, {@code causeRef} its id). Every chunk's
     * statement is sent at once (the connection pipelines them; the database runs them in order, in the caller's
     * transaction), so the database works through them while the caller goes on.
     */
    public Uni<Void> applyAllocations(List<AllocationRow> allocations, String cause, String causeRef) {
        List<Uni<Long>> statements = new ArrayList<>();
        // Placements of one line stay in one statement: the guard compares the line's total with what it waits for.
        for (List<AllocationRow> chunk : SqlRows.chunks(allocations, AllocationRow::lineId)) {
            Object[] columns = {SqlRows.column(chunk, AllocationRow::lineId, UUID[]::new),
                    SqlRows.column(chunk, AllocationRow::orderId, UUID[]::new),
                    SqlRows.column(chunk, AllocationRow::sku, String[]::new),
                    SqlRows.column(chunk, AllocationRow::locationId, String[]::new),
                    SqlRows.column(chunk, AllocationRow::units, Integer[]::new),
                    SqlRows.column(chunk, AllocationRow::scoreTotal, Double[]::new),
                    SqlRows.column(chunk, AllocationRow::scoreTier, Double[]::new),
                    SqlRows.column(chunk, AllocationRow::scoreValue, Double[]::new),
                    SqlRows.column(chunk, AllocationRow::scoreAge, Double[]::new),
                    SqlRows.column(chunk, AllocationRow::scoreSlip, Double[]::new),
                    SqlRows.column(chunk, AllocationRow::explanation, String[]::new), cause, causeRef};
            statements.add(SessionSql.query(APPLY_ALLOCATIONS, columns, row -> SqlRows.longValue(row[0]))
                    .map(counts -> counts.get(0)));
        }
        if (statements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(statements).andFailFast().invoke(counts -> {
            long refused = counts.stream().mapToLong(Long::longValue).sum();
            if (refused != 0) {
                // Callers hold the SKU locks, so this means a bug, not a race: roll back rather than half-apply.
                throw new IllegalStateException(refused + " lines were not in a state to take allocated units");
            }
        }).replaceWithVoid();
    }

    public Uni<Void> applyPromises(List<PromiseRow> promises) {
        Uni<Integer> applied = Uni.createFrom().item(0);
        for (List<PromiseRow> chunk : SqlRows.chunks(promises, PromiseRow::lineId)) {
            Object[] columns = {SqlRows.column(chunk, PromiseRow::lineId, UUID[]::new),
                    SqlRows.column(chunk, row -> row.promiseDate().toString(), String[]::new),
                    SqlRows.column(chunk, row -> row.confidence().name(), String[]::new)};
            applied = applied.chain(done -> SessionSql.change(APPLY_PROMISES, columns).map(changed -> done + changed));
        }
        return applied.invoke(changed -> {
            if (changed != promises.size()) {
                throw new IllegalStateException("Tried to promise " + promises.size() + " lines but " + changed
                        + " were open");
            }
        }).replaceWithVoid();
    }

    public Uni<Void> recordDemand(Collection<DemandDelta> deltas) {
        List<DemandRow> rows = DemandDelta.merge(deltas)
                .stream()
                .map(d -> new DemandRow(d.sku(), d.day(), d.orderedUnits(), d.backorderedUnits(), d.rejectedUnits(),
                        d.cancelledDelayUnits(), d.cancelledOtherUnits()))
                .toList();
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Double> waits = new LinkedHashMap<>();
        double coalesced = planningMinInterval.toMillis() / 1000.0;
        for (DemandRow row : rows) {
            boolean unserved = row.backorderedUnits() > 0 || row.rejectedUnits() > 0;
            waits.merge(row.sku(), unserved ? 0 : coalesced, Math::min);
        }
        // Independent statements, pipelined: callers hold the SKUs' locks while they run.
        Object[] demand = {
                rows.stream().map(DemandRow::sku).toArray(String[]::new),
                rows.stream().map(DemandRow::day).toArray(LocalDate[]::new),
                rows.stream().map(DemandRow::orderedUnits).toArray(Integer[]::new),
                rows.stream().map(DemandRow::backorderedUnits).toArray(Integer[]::new),
                rows.stream().map(DemandRow::rejectedUnits).toArray(Integer[]::new),
                rows.stream().map(DemandRow::cancelledDelayUnits).toArray(Integer[]::new),
                rows.stream().map(DemandRow::cancelledOtherUnits).toArray(Integer[]::new)};
        return Uni.join()
                .all(SessionSql.change(RECORD_DEMAND, demand), SessionSql.change(PLANNING_DUE,
                        new Object[]{waits.keySet().toArray(String[]::new), waits.values().toArray(Double[]::new)}))
                .andFailFast()
                .replaceWithVoid();
    }

    public Uni<List<RecordedAllocation>> allocations(String cause, String causeRef) {
        return SessionSql.query(ALLOCATIONS_BY_CAUSE, new Object[]{cause, causeRef},
                row -> new RecordedAllocation(SqlRows.uuid(row[0]), SqlRows.uuid(row[1]), SqlRows.string(row[2]),
                        SqlRows.string(row[3]), SqlRows.integer(row[4]), SqlRows.doubleValue(row[5]),
                        SqlRows.string(row[6])));
    }

    public Uni<List<DemandRow>> demand(String sku, LocalDate from, LocalDate to) {
        return SqlRows.select("""
                select sku, day, ordered_units, backordered_units, rejected_units, cancelled_delay_units,
                    cancelled_other_units
                from demand_day where sku = ?1 and day between ?2 and ?3 order by day""", List.of(sku, from, to),
                row -> new DemandRow(SqlRows.string(row[0]), SqlRows.date(row[1]), SqlRows.integer(row[2]),
                        SqlRows.integer(row[3]), SqlRows.integer(row[4]), SqlRows.integer(row[5]),
                        SqlRows.integer(row[6])));
    }

    /** Lines with reserved units not shipped yet, oldest order first; {@code reservations} reads "WH1=2,WH2=1". */
    public Uni<List<BacklogLine>> backlog(String sku, String locationId, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                select l.line_id, l.order_id, l.sku, l.status, l.reserved, l.backordered, l.allocated, %s,
                    (select string_agg(r.location_id || '=' || r.units, ',' order by r.location_id)
                     from line_reservation r where r.line_id = l.line_id)
                from order_line l where %s
                order by l.ordered_at, l.queue_seq limit %d offset %d""".formatted(micros("l.ordered_at"),
                backlogFilter(sku, locationId, parameters), size, (long) page * size);
        return SqlRows.select(sql, parameters, row -> new BacklogLine(SqlRows.uuid(row[0]), SqlRows.uuid(row[1]),
                SqlRows.string(row[2]), SqlRows.enumValue(LineStatus.class, row[3]), SqlRows.integer(row[4]),
                SqlRows.integer(row[5]), SqlRows.integer(row[6]), SqlRows.instantFromMicros(row[7]),
                SqlRows.string(row[8])));
    }

    public Uni<BacklogTotals> backlogTotals(String sku, String locationId) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select count(*), coalesce(sum(l.reserved), 0) from order_line l where "
                + backlogFilter(sku, locationId, parameters);
        return SqlRows.select(sql, parameters, row -> new BacklogTotals(SqlRows.longValue(row[0]),
                SqlRows.longValue(row[1]))).map(rows -> rows.get(0));
    }

    private static String backlogFilter(String sku, String locationId, List<Object> parameters) {
        StringBuilder where = new StringBuilder("l.reserved > 0");
        if (sku != null) {
            parameters.add(sku);
            where.append(" and l.sku = ?").append(parameters.size());
        }
        if (locationId != null) {
            parameters.add(locationId);
            where.append(" and exists (select 1 from line_reservation r where r.line_id = l.line_id"
                    + " and r.location_id = ?").append(parameters.size()).append(')');
        }
        return where.toString();
    }

    private static WaitingLine waitingLine(Object[] row) {
        return new WaitingLine(SqlRows.uuid(row[0]), SqlRows.uuid(row[1]), SqlRows.string(row[2]),
                SqlRows.enumValue(LineStatus.class, row[3]), SqlRows.integer(row[4]), SqlRows.integer(row[5]),
                SqlRows.string(row[6]), SqlRows.bool(row[7]), SqlRows.enumValue(CustomerTier.class, row[8]),
                SqlRows.decimal(row[9]), SqlRows.instantFromMicros(row[10]), SqlRows.longValue(row[11]),
                SqlRows.enumValue(BackorderKind.class, row[12]), SqlRows.date(row[13]), SqlRows.date(row[14]),
                SqlRows.enumValue(PromiseConfidence.class, row[15]), SqlRows.date(row[16]));
    }
}
