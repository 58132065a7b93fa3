package io.backorder.order;

public enum DeadlineStatus {
    PENDING, FIRED, CANCELLED
}
