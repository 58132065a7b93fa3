package io.backorder.notification.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.notification.DeliveryAttempt;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, Long> {

    public Uni<List<DeliveryAttempt>> byDeliveries(Collection<UUID> deliveryIds) {
        return deliveryIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("deliveryId in ?1 order by deliveryId, attempt", deliveryIds);
    }
}
