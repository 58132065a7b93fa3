package io.backorder.order.rest;

import java.time.Instant;
import java.util.UUID;

import io.backorder.order.OrderStatus;

/**
 * The body of a webhook delivery: one timeline event of an order. {@code id} is stable across retries, so a
 * receiver can drop duplicates.
 */
public record WebhookEvent(UUID id, String type, Instant occurredAt, UUID orderId, String orderReference,
        OrderStatus orderStatus, UUID lineId, String detail) {
}
