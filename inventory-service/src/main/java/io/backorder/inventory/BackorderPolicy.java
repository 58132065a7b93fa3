package io.backorder.inventory;

/** What happens to the units of an order line that are not on hand. */
public enum BackorderPolicy {
    /** Out of stock: the line is rejected. */
    DENY,
    /** The units are backordered, without limit. */
    ALLOW,
    /** Backordered up to a cap (a number of units, or the confirmed inbound quantity); beyond it, rejected. */
    ALLOW_CAPPED,
    /** Sellable before the launch date with nothing on hand by design; every unit is a pre-order until then. */
    PREORDER
}
