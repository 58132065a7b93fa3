package io.backorder.order;

/** What a shop gives a customer who keeps waiting after a slip. */
public enum ConsolationKind {
    /** A discount on the line, taken off before capture so that no refund is needed. */
    DISCOUNT,
    /** A voucher of a fixed value for a future order. */
    VOUCHER, FREE_SHIPPING, NONE
}
