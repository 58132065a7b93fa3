package io.backorder.order.repository;

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
     * timeline) in the order the entries were recorded.
     */
    private static final String APPEND = """
            insert into timeline_entry (event_id, order_id, at, type, line_id, detail)
            select event_id, order_id, at, type, line_id, detail
            from unnest(cast($1 as uuid[]), cast($2 as uuid[]), cast($3 as timestamptz[]), cast($4 as varchar[]),
                cast($5 as uuid[]), cast($6 as varchar[])) with ordinality
                as e(event_id, order_id, at, type, line_id, detail, n)
            order by n""";

    public Uni<List<TimelineEntry>> ofOrder(UUID orderId) {
        return list("orderId = ?1", Sort.by("id"), orderId);
    }

    /**
     * Appends the entries a saga step recorded, in one round trip instead of one per entry (their ids come from an
     * identity column, which keeps Hibernate from batching them). The entries stay unmanaged and without their ids;
     * nothing reads those before the step commits.
     */
    public Uni<Void> append(List<TimelineEntry> entries) {
        Object[] columns = {
                entries.stream().map(entry -> entry.eventId).toArray(UUID[]::new),
                entries.stream().map(entry -> entry.orderId).toArray(UUID[]::new),
                entries.stream()
                        .map(entry -> OffsetDateTime.ofInstant(entry.at, ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new),
                entries.stream().map(entry -> entry.type).toArray(String[]::new),
                entries.stream().map(entry -> entry.lineId).toArray(UUID[]::new),
                entries.stream().map(entry -> entry.detail).toArray(String[]::new)};
        return SessionSql.change(APPEND, columns).replaceWithVoid();
    }
}
