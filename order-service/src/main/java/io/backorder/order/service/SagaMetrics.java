package io.backorder.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.backorder.order.OrderStatus;
import io.backorder.support.messaging.MessagingConfig;
import io.backorder.support.metrics.RefreshedGauge;
import io.backorder.support.time.Periodic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Saga states and deadline lag as gauges. Only orders still in flight are counted: finished ones are history (the
 * insights service reports on them) and counting them would scan a table that only grows. Deadline lag is how late
 * the most overdue pending deadline is by the business clock: a growing lag means no replica fires deadlines.
 */
@ApplicationScoped
public class SagaMetrics {

    static final List<OrderStatus> IN_FLIGHT = List.of(OrderStatus.RESERVING, OrderStatus.OPEN,
            OrderStatus.CANCELLING);

    private static final String ORDERS_IN_FLIGHT = """
            select status, count(*) as orders from orders where status = any($1) group by status""";
    private static final String DEADLINES = """
            select count(*) as pending, count(*) filter (where due_at <= $1) as overdue,
                   coalesce(extract(epoch from $1 - min(due_at) filter (where due_at <= $1)), 0)::float8 as lag_seconds
            from saga_deadline where status = 'PENDING'""";

    private final Pool pool;
    private final Clock clock;
    private final MessagingConfig config;
    private final Periodic periodic;
    private final Map<OrderStatus, RefreshedGauge> orders = new EnumMap<>(OrderStatus.class);
    private final RefreshedGauge pendingDeadlines;
    private final RefreshedGauge overdueDeadlines;
    private final RefreshedGauge deadlineLag;

    public SagaMetrics(Pool pool, Clock clock, MessagingConfig config, Periodic periodic, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        this.periodic = periodic;
        for (OrderStatus status : IN_FLIGHT) {
            orders.put(status, RefreshedGauge.register(registry, "backorder.saga.orders",
                    "Orders whose saga is in this state", Tags.of("status", status.name())));
        }
        pendingDeadlines = RefreshedGauge.register(registry, "backorder.saga.deadlines.pending",
                "Saga deadlines waiting to fire", Tags.empty());
        overdueDeadlines = RefreshedGauge.register(registry, "backorder.saga.deadlines.overdue",
                "Saga deadlines that are due and have not fired yet", Tags.empty());
        deadlineLag = RefreshedGauge.register(registry, "backorder.saga.deadline.lag", "seconds",
                "How late the most overdue pending deadline is (0 when none is due)", Tags.empty());
    }

    void start(@Observes StartupEvent event) {
        periodic.every(config.metricsRefresh(), "saga metrics", this::refresh);
    }

    public Uni<Void> refresh() {
        String[] statuses = IN_FLIGHT.stream().map(Enum::name).toArray(String[]::new);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.preparedQuery(ORDERS_IN_FLIGHT).execute(Tuple.of(statuses)).invoke(rows -> {
            Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
            IN_FLIGHT.forEach(status -> counts.put(status, 0L));
            for (Row row : rows) {
                counts.put(OrderStatus.valueOf(row.getString("status")), row.getLong("orders"));
            }
            counts.forEach((status, count) -> orders.get(status).set(count));
        }).chain(() -> pool.preparedQuery(DEADLINES).execute(Tuple.of(now))).invoke(rows -> {
            Row row = rows.iterator().next();
            pendingDeadlines.set(row.getLong("pending"));
            overdueDeadlines.set(row.getLong("overdue"));
            deadlineLag.set(row.getDouble("lag_seconds"));
        }).replaceWithVoid();
    }
}
