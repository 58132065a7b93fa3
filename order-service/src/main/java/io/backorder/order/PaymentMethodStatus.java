package io.backorder.order;

/** What the saga knows about the customer's current payment method. */
public enum PaymentMethodStatus {
    UNVERIFIED, VERIFYING,
    /** Verified, or proven by a successful authorization. */
    VERIFIED, DECLINED
}
