package io.backorder.order.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.order.IdempotencyRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    /**
     * Claims the key for this request; false when it was claimed before. A concurrent request with the same key
     * waits here until the first one's transaction ends, then sees its record.
     */
    public Uni<Boolean> claim(String platform, String key, String requestHash, Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                insert into idempotency_record (platform, idempotency_key, request_hash, created_at)
                values (?1, ?2, ?3, ?4) on conflict (platform, idempotency_key) do nothing""")
                .setParameter(1, platform)
                .setParameter(2, key)
                .setParameter(3, requestHash)
                .setParameter(4, now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Stores the response of the request that claimed the key, for its retries. */
    public Uni<Void> complete(String platform, String key, UUID orderId, int statusCode, String response) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                update idempotency_record set order_id = ?3, status_code = ?4, response = ?5
                where platform = ?1 and idempotency_key = ?2""")
                .setParameter(1, platform)
                .setParameter(2, key)
                .setParameter(3, orderId)
                .setParameter(4, statusCode)
                .setParameter(5, response)
                .executeUpdate())
                .invoke(updated -> {
                    if (updated != 1) {
                        throw new IllegalStateException("Idempotency-Key " + key + " was not claimed");
                    }
                })
                .replaceWithVoid();
    }
}
