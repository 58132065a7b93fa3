package io.backorder.notification;

public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
