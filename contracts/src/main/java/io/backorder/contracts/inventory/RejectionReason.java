package io.backorder.contracts.inventory;

/** Why a line cannot be ordered. */
public enum RejectionReason {
    /** Not on hand and the SKU's policy does not allow backorders. */
    OUT_OF_STOCK,
    /** Backorders are allowed only up to a cap, and this line would exceed it. */
    BACKORDER_CAP_EXCEEDED, UNKNOWN_SKU
}
