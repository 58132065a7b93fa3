package io.backorder.contracts.notification;

/** What a customer can choose when a backorder slips. */
public enum OfferOptionKind {
    KEEP_WAITING, TAKE_ALTERNATIVE, SHIP_AVAILABLE_NOW, CANCEL_WITH_REFUND
}
