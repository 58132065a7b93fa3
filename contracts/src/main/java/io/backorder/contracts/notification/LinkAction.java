package io.backorder.contracts.notification;

/** What a customer link may be used for beyond viewing the order. */
public enum LinkAction {
    DECIDE_OFFER, UPDATE_PAYMENT_METHOD
}
