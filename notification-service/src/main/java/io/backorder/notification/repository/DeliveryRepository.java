package io.backorder.notification.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.notification.Delivery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * Pending deliveries that are due and not leased by a live attempt. Rows locked by another replica's claim are
     * skipped; once claimed, the lease keeps them from being claimed again until it runs out.
     */
    private static final String CLAIM_DUE = """
            select * from delivery where status = 'PENDING' and next_attempt_at <= ?1
            and (lease_until is null or lease_until <= ?1)
            order by next_attempt_at, created_at limit ?2 for update skip locked""";

    public Uni<List<Delivery>> claimDue(Instant now, int limit) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(CLAIM_DUE, Delivery.class)
                        .setParameter(1, now)
                        .setParameter(2, limit)
                        .getResultList());
    }

    public Uni<List<Delivery>> byNotification(UUID notificationId) {
        return list("notificationId = ?1 order by channel", notificationId);
    }

    public Uni<List<Delivery>> byNotifications(Collection<UUID> notificationIds) {
        return notificationIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("notificationId in ?1 order by createdAt, channel", notificationIds);
    }
}
