package io.backorder.order;

/** Deadlines a saga waits on; the reference is a hold, an offer or the order itself. */
public enum DeadlineKind {
    REAUTHORIZE, OFFER_REMINDER, OFFER_EXPIRY, SUBSTITUTES_TIMEOUT, PAYMENT_UPDATE
}
