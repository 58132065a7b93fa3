package io.backorder.order;

public enum WebhookDeliveryStatus {
    PENDING, DELIVERED, FAILED
}
