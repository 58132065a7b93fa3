package io.backorder.order.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.order.IdempotencyRecord;
import io.backorder.support.persistence.SessionSql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    // Both statements run on the session's own connection (SessionSql): they are on every placement, and
    // Hibernate's native-query handling would cost more than they do.
    private static final String CLAIM = """
            insert into idempotency_record (platform, idempotency_key, request_hash, created_at)
            values ($1, $2, $3, $4) on conflict (platform, idempotency_key) do nothing""";
    private static final String COMPLETE = """
            update idempotency_record set order_id = $3, status_code = $4, response = $5
            where platform = $1 and idempotency_key = $2""";

    /**
     * Claims the key for this request; false when it was claimed before. A concurrent request with the same key
     * waits here until the first one's transaction ends, then sees its record.
     */
    public Uni<Boolean> claim(String platform, String key, String requestHash, Instant now) {
        return SessionSql.change(CLAIM, new Object[]{platform, key, requestHash, OffsetDateTime.ofInstant(now,
                ZoneOffset.UTC)}).map(inserted -> inserted == 1);
    }

    /** Stores the response of the request that claimed the key, for its retries. */
    public Uni<Void> complete(String platform, String key, UUID orderId, int statusCode, String response) {
        return SessionSql.change(COMPLETE, new Object[]{platform, key, orderId, statusCode, response})
                .invoke(updated -> {
                    if (updated != 1) {
                        throw new IllegalStateException("Idempotency-Key " + key + " was not claimed");
                    }
                })
                .replaceWithVoid();
    }
}
