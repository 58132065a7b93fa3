package io.backorder.order.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.backorder.order.WebhookDelivery;
import io.backorder.order.WebhookDeliveryStatus;
import io.backorder.order.WebhookSubscription;

/** A subscription; {@code secret} is only present in the response that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(UUID id, String url, List<String> events, Instant createdAt, String secret) {

    public static WebhookView of(WebhookSubscription subscription) {
        return new WebhookView(subscription.id, subscription.url, subscription.eventList(), subscription.createdAt,
                null);
    }

    public static WebhookView withSecret(WebhookSubscription subscription) {
        return new WebhookView(subscription.id, subscription.url, subscription.eventList(), subscription.createdAt,
                subscription.secret);
    }

    public record Delivery(UUID id, UUID eventId, String eventType, WebhookDeliveryStatus status, int attempts,
            Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt) {

        public static Delivery of(WebhookDelivery delivery) {
            return new Delivery(delivery.id, delivery.eventId, delivery.eventType, delivery.status,
                    delivery.attempts, delivery.nextAttemptAt, delivery.lastStatusCode, delivery.lastError,
                    delivery.createdAt, delivery.deliveredAt);
        }
    }
}
