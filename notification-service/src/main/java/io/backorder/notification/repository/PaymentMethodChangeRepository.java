package io.backorder.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.notification.PaymentMethodChange;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PaymentMethodChangeRepository implements PanacheRepositoryBase<PaymentMethodChange, UUID> {

    public Uni<PaymentMethodChange> latestForOrder(UUID orderId) {
        return find("orderId = ?1 order by submittedAt desc", orderId).firstResult();
    }
}
