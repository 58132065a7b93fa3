package io.backorder.contracts.notification;

/** The messages a customer gets during a backorder. */
public enum CustomerMessageKind {
    BACKORDER_CONFIRMATION, PROMISE_DATE_CHANGED, OFFER, OFFER_REMINDER, OFFER_EXPIRED, PAYMENT_METHOD_UPDATE_NEEDED, ALLOCATED, SHIPPED, CANCELLED_AND_REFUNDED
}
