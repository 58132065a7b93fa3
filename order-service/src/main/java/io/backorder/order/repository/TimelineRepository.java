package io.backorder.order.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.order.TimelineEntry;
import io.backorder.support.persistence.SessionSql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, Long> {

    /**
     * All entries of a step in one statement, one array per column; ordinality keeps the ids (which order the
     * timeline) in the order the entries were recorded. The same statement queues each entry's webhook delivery to
     * every subscription of the platform whose patterns ({@code *}, an exact type, or a family such as
     * {@code line.*}) match the entry's type: no round trip to read the subscriptions first, and a subscription
     * committed before the step is never missed.
     */
    private static final String APPEND = """
            with appended as (
                insert into timeline_entry (event_id, order_id, at, type, line_id, detail)
                select event_id, order_id, at, type, line_id, detail
                from unnest(cast($1 as uuid[]), cast($2 as uuid[]), cast($3 as timestamptz[]), cast($4 as varchar[]),
                    cast($5 as uuid[]), cast($6 as varchar[])) with ordinality
                    as e(event_id, order_id, at, type, line_id, detail, n)
                order by n)
            insert into webhook_delivery (id, subscription_id, event_id, event_type, payload, status, attempts,
                next_attempt_at, created_at)
            select gen_random_uuid(), s.id, e.event_id, e.type, e.payload, 'PENDING', 0, $9, $9
            from unnest(cast($1 as uuid[]), cast($4 as varchar[]), cast($7 as text[])) with ordinality
                as e(event_id, type, payload, n)
            join webhook_subscription s on s.platform = $8
            where exists (select from unnest(string_to_array(s.events, ',')) as wanted(pattern)
                          where pattern in ('*', e.type)
                             or (pattern like '%.*' and starts_with(e.type, left(pattern, -1))))
            order by e.n, s.created_at""";

    public Uni<List<TimelineEntry>> ofOrder(UUID orderId) {
        return list("orderId = ?1", Sort.by("id"), orderId);
    }

    /**
     * Appends the entries a saga step recorded and queues their webhook deliveries, in one round trip instead of one
     * per entry and one for the subscriptions (the entries' ids come from an identity column, which keeps Hibernate
     * from batching them). {@code payloads} holds the webhook body of each entry, in the same order. The entries stay
     * unmanaged and without their ids; nothing reads those before the step commits.
     */
    public Uni<Void> append(String platform, List<TimelineEntry> entries, List<String> payloads, Instant now) {
        Object[] parameters = {
                entries.stream().map(entry -> entry.eventId).toArray(UUID[]::new),
                entries.stream().map(entry -> entry.orderId).toArray(UUID[]::new),
                entries.stream().map(entry -> utc(entry.at)).toArray(OffsetDateTime[]::new),
                entries.stream().map(entry -> entry.type).toArray(String[]::new),
                entries.stream().map(entry -> entry.lineId).toArray(UUID[]::new),
                entries.stream().map(entry -> entry.detail).toArray(String[]::new),
                payloads.toArray(String[]::new),
                platform,
                utc(now)};
        return SessionSql.change(APPEND, parameters).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
