package io.backorder.order;

public enum RefundStatus {
    REQUESTED, SUCCEEDED, FAILED
}
