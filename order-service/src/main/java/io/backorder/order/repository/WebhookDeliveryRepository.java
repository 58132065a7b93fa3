package io.backorder.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.order.WebhookDelivery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    public Uni<List<WebhookDelivery>> ofSubscription(UUID subscriptionId, int page, int size) {
        return find("subscriptionId = ?1", Sort.by("createdAt").descending(), subscriptionId)
                .page(Page.of(page, size))
                .list();
    }
}
