package io.backorder.supplier;

/** Why units of a purchase-order line will not come. Only BUYER cancellations do not count against the supplier. */
public enum CancelCause {
    /** The supplier declined the line. */
    DECLINED,
    /** The supplier's ETA slipped past the limit and an alternative supplier took the line over. */
    SLIPPED,
    /** We cancelled it. */
    BUYER
}
