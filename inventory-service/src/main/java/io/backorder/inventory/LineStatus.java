package io.backorder.inventory;

/** Where an order line stands in inventory. */
public enum LineStatus {
    /** Every unit still to ship is reserved from stock on hand: fulfilment backlog until shipped, not a backorder. */
    RESERVED,
    /** Some units wait for supply. */
    BACKORDERED,
    /** Could not be ordered (out of stock or over the backorder cap); nothing held. */
    REJECTED,
    /** Cancelled: reservation and backorder position given back. */
    RELEASED,
    /** Everything inventory held for the line has left the warehouse. */
    SHIPPED,
    /** The units that waited are shipped by a supplier straight to the customer; nothing waits any more. */
    DROPSHIPPED
}
