package io.backorder.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.backorder.notification.Notification;
import io.backorder.notification.NotificationKind;
import io.backorder.notification.NotificationStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    private static final String CLAIM_DUE = """
            select * from notification where status = 'SCHEDULED' and due_at <= ?1
            order by due_at, created_at limit ?2 for update skip locked""";

    public Uni<Notification> byKey(String deduplicationKey) {
        return find("deduplicationKey", deduplicationKey).firstResult();
    }

    public Uni<Notification> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The order's promise-change message still waiting out its coalescing window, if any. */
    public Uni<Notification> scheduledOfKind(UUID orderId, NotificationKind kind) {
        return find("orderId = ?1 and kind = ?2 and status = ?3 order by createdAt", orderId, kind,
                NotificationStatus.SCHEDULED).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Due scheduled messages; rows another replica is gating are skipped, not waited for. */
    public Uni<List<Notification>> claimDue(Instant now, int limit) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(CLAIM_DUE, Notification.class)
                        .setParameter(1, now)
                        .setParameter(2, limit)
                        .getResultList());
    }

    /** Messages of the order that passed the gate since then: what counts towards the daily cap. */
    public Uni<Long> sentSince(UUID orderId, Instant since) {
        return count("orderId = ?1 and gatedAt > ?2 and status in ?3", orderId, since,
                List.of(NotificationStatus.SENDING, NotificationStatus.DELIVERED, NotificationStatus.FAILED));
    }

    public Uni<Long> createdSince(UUID orderId, NotificationKind kind, Instant since) {
        return count("orderId = ?1 and kind = ?2 and createdAt > ?3", orderId, kind, since);
    }

    public Uni<List<Notification>> byOrder(UUID orderId) {
        return list("orderId = ?1 order by createdAt, id", orderId);
    }
}
