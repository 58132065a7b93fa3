package io.backorder.inventory;

/** Where an order line stands in inventory. */
public enum LineStatus {
    /** Every unit is reserved from stock on hand: fulfilment backlog until shipped, not a backorder. */
    RESERVED,
    /** Some units wait for supply. */
    BACKORDERED,
    /** Could not be ordered (out of stock or over the backorder cap); nothing held. */
    REJECTED,
    /** Cancelled: reservation and backorder position given back. */
    RELEASED, SHIPPED
}
