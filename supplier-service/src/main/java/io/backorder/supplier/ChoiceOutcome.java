package io.backorder.supplier;

public enum ChoiceOutcome {
    PURCHASE_ORDER_ISSUED, DROPSHIP_ARRANGED,
    /** No agreement could be used: nothing was ordered. */
    NO_AGREEMENT,
    /** Dropshipping was not better than waiting for stock. */
    KEPT_WAITING,
    /** No alternative would arrive before the slipped ETA: the line stays with its supplier. */
    KEPT_CURRENT
}
