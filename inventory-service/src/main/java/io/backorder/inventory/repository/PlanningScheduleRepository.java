package io.backorder.inventory.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * When each SKU is planned ({@code sku_planning}). Due SKUs are claimed in a short transaction of their own with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so replicas share the SKUs and never plan one twice at a time; the
 * planning run itself then takes the SKU's lock and records here, in its own transaction, that it is done.
 */
@ApplicationScoped
public class PlanningScheduleRepository {

    private static final String CLAIM = """
            update sku_planning set lease_until = now() + make_interval(secs => $2)
            where sku in (select sku from sku_planning
                          where due_at <= now() and (lease_until is null or lease_until < now())
                          order by due_at limit $1 for update skip locked)
            returning sku, due_reason""";
    private static final String RECORD_FAILURE = "update sku_planning set last_error = $2 where sku = $1";

    /** A SKU claimed for planning, with why it is due. */
    public record Claimed(String sku, String reason) {
    }

    /** A SKU's planning schedule, as shown to operators. */
    public record Schedule(Instant dueAt, Instant lastPlannedAt, String lastError) {
    }

    private final Pool pool;

    public PlanningScheduleRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Claimed>> claimDue(int batchSize, Duration lease) {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(batchSize, (double) lease.toSeconds())))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new Claimed(row.getString("sku"), row.getString("due_reason")))
                        .toList());
    }

    public Uni<Void> recordFailure(String sku, String error) {
        return pool.preparedQuery(RECORD_FAILURE)
                .execute(Tuple.of(sku, error.length() > 1000 ? error.substring(0, 1000) : error))
                .replaceWithVoid();
    }

    /** In the planning transaction: the SKU is planned, next due after {@code period}, its lease released. */
    public Uni<Void> planned(String sku, Duration period) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        update sku_planning set due_at = now() + make_interval(secs => ?2), due_reason = null,
                            lease_until = null, last_planned_at = now(), last_error = null
                        where sku = ?1""")
                        .setParameter(1, sku)
                        .setParameter(2, (double) period.toSeconds())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The forecast last shared with suppliers, as {@link #forecastShared} stored it; null if none. */
    public Uni<String> sharedForecast(String sku) {
        return SqlRows.select("select published_forecast from sku_planning where sku = ?1", List.of(sku),
                row -> SqlRows.string(row[0])).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<Void> forecastShared(String sku, String fingerprint) {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("update sku_planning set published_forecast = ?2 where sku = ?1")
                        .setParameter(1, sku)
                        .setParameter(2, fingerprint)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Schedule> schedule(String sku) {
        return SqlRows.select("select %s, %s, last_error from sku_planning where sku = ?1".formatted(
                SqlRows.micros("due_at"), SqlRows.micros("last_planned_at")), List.of(sku),
                row -> new Schedule(SqlRows.instantFromMicros(row[0]), SqlRows.instantFromMicros(row[1]),
                        SqlRows.string(row[2])))
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
