package io.backorder.contracts.inventory;

/** Why units wait: a backorder of a stocked item, or a pre-order of an item that is not released yet. */
public enum BackorderKind {
    BACKORDER, PREORDER
}
