package io.backorder.order;

/** Where one order line stands. The waiting states are derived from its quantities. */
public enum LineState {
    /** Waiting for inventory's outcome. */
    PENDING,
    /** Every unit is reserved from stock on hand. */
    RESERVED,
    /** Some units wait for supply, with a promise date. */
    BACKORDERED,
    /** Every backordered unit has been allocated from received goods. */
    ALLOCATED,
    /** The waiting units ship straight from a supplier. */
    DROPSHIP, PARTIALLY_SHIPPED, SHIPPED,
    /** Inventory could not take the line at all. */
    REJECTED, CANCELLED,
    /** Replaced by an in-stock alternative the customer chose (a new line). */
    SUBSTITUTED;

    /** No more units will move for the line, though money may still be refunded for a cancelled one. */
    public boolean isClosed() {
        return this == SHIPPED || this == REJECTED || this == CANCELLED || this == SUBSTITUTED;
    }
}
