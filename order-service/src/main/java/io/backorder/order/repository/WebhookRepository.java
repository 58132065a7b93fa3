package io.backorder.order.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.order.WebhookSubscription;
import io.backorder.support.persistence.SessionSql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    private static final String OF_PLATFORM = """
            select id, platform, url, events, secret, created_at from webhook_subscription where platform = $1
            order by created_at""";

    /**
     * The platform's subscriptions as values, not managed entities. Every saga step that records a timeline entry
     * reads them; on the session's connection (SessionSql) this skips the HQL query's dirty check of every entity
     * the step holds (Hibernate's automatic flush before a query), not only its own overhead.
     */
    public Uni<List<WebhookSubscription>> ofPlatform(String platform) {
        return SessionSql.query(OF_PLATFORM, new Object[]{platform}, WebhookRepository::subscription);
    }

    private static WebhookSubscription subscription(Object[] row) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = (UUID) row[0];
        subscription.platform = (String) row[1];
        subscription.url = (String) row[2];
        subscription.events = (String) row[3];
        subscription.secret = (String) row[4];
        subscription.createdAt = ((OffsetDateTime) row[5]).toInstant();
        return subscription;
    }
}
