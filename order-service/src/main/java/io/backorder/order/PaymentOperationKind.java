package io.backorder.order;

public enum PaymentOperationKind {
    AUTHORIZE, VERIFY, CAPTURE, RELEASE, REFUND
}
