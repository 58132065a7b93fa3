package io.backorder.order.repository;

import java.time.Instant;

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
}
