package io.backorder.order;

public enum PaymentOperationStatus {
    PENDING, DONE
}
