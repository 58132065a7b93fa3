package io.backorder.inventory;

/** What made units free for waiting lines. */
public enum AllocationCause {
    /** Goods were received. */
    RECEIPT,
    /** A cancelled line gave back reserved units. */
    RELEASE,
    /** An operator raised on-hand stock. */
    ADJUSTMENT,
    /** Stock counts were imported. */
    IMPORT,
    /** A new order found free units at another location than the one it reserved at. */
    RESERVATION
}
