package io.backorder.notification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.backorder.notification.Offer;
import io.backorder.notification.OfferStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<Offer, UUID> {

    /** Decisions on one offer serialize on this lock, whichever link they come through. */
    public Uni<Offer> lock(UUID offerId) {
        return findById(offerId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Offer>> openForOrder(UUID orderId) {
        return list("orderId = ?1 and status = ?2", orderId, OfferStatus.OPEN);
    }

    /** The offer the page shows: the newest one of the order, whatever became of it. */
    public Uni<Offer> latestForOrder(UUID orderId) {
        return find("orderId = ?1 order by createdAt desc, offerId", orderId).firstResult();
    }
}
