package io.backorder.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.notification.CustomerDecision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerDecisionRepository implements PanacheRepositoryBase<CustomerDecision, UUID> {

    public Uni<CustomerDecision> byOffer(UUID offerId) {
        return find("offerId", offerId).firstResult();
    }
}
