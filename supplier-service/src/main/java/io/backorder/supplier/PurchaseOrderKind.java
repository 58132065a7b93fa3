package io.backorder.supplier;

public enum PurchaseOrderKind {
    /** Goods for our warehouse: inbound supply for inventory. */
    STOCK,
    /** One backordered line shipped by the supplier straight to the customer. */
    DROPSHIP
}
