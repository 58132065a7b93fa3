package io.backorder.support.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.backorder.support.metrics.RefreshedGauge;
import io.backorder.support.time.Periodic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Outbox lag: how many messages wait for the broker and how long the oldest has waited. A growing lag means the
 * broker is away or refuses messages (each row's last error says why); every service reports its own.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final String BACKLOG = """
            select coalesce(sum(deliveries), 0)::bigint as pending,
                   coalesce(extract(epoch from clock_timestamp() - min(created_at)), 0)::float8 as oldest_seconds,
                   coalesce(sum(deliveries) filter (where attempts > 0), 0)::bigint as failing
            from outbox_batch where sent_at is null""";

    private final Pool pool;
    private final MessagingConfig config;
    private final Periodic periodic;
    private final RefreshedGauge pending;
    private final RefreshedGauge oldest;
    private final RefreshedGauge failing;

    public OutboxMetrics(Pool pool, MessagingConfig config, Periodic periodic, MeterRegistry registry) {
        this.pool = pool;
        this.config = config;
        this.periodic = periodic;
        this.pending = RefreshedGauge.register(registry, "backorder.outbox.pending",
                "Messages written to the outbox and not yet accepted by the broker", Tags.empty());
        this.oldest = RefreshedGauge.register(registry, "backorder.outbox.lag", "seconds",
                "Age of the oldest message the outbox has not yet relayed (0 when none waits)", Tags.empty());
        this.failing = RefreshedGauge.register(registry, "backorder.outbox.failing",
                "Unsent outbox messages the broker has refused or timed out at least once", Tags.empty());
    }

    void start(@Observes StartupEvent event) {
        periodic.every(config.metricsRefresh(), "outbox metrics", this::refresh);
    }

    public Uni<Void> refresh() {
        return pool.query(BACKLOG).execute().invoke(rows -> {
            Row row = rows.iterator().next();
            pending.set(row.getLong("pending"));
            oldest.set(row.getDouble("oldest_seconds"));
            failing.set(row.getLong("failing"));
        }).replaceWithVoid();
    }
}
