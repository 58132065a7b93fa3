package io.backorder.inventory;

/**
 * Changes of on-hand stock that are not operator adjustments (those carry an {@link AdjustmentReason}). The journal
 * stores the name of one or the other.
 */
public enum JournalReason {
    /** Goods arrived at a warehouse (a receipt, against a purchase-order line or not). */
    RECEIPT,
    /** Reserved units left the warehouse for a customer. */
    SHIPMENT,
    /** An operator uploaded stock counts as CSV. */
    IMPORT
}
