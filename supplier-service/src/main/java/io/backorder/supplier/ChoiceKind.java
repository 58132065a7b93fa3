package io.backorder.supplier;

/** What a sourcing decision was about. */
public enum ChoiceKind {
    /** Inventory asked for stock. */
    REPLENISHMENT,
    /** A line went on backorder: ship it from a supplier straight to the customer? */
    DROPSHIP,
    /** The supplier declined a line: who else can deliver it? */
    ALTERNATIVE_AFTER_DECLINE,
    /** The supplier's ETA slipped past the limit: can someone else deliver sooner? */
    ALTERNATIVE_AFTER_SLIP
}
