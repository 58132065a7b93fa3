package io.backorder.contracts.inventory;

import java.util.UUID;

import io.backorder.contracts.Event;

/** Goods were received at a warehouse, against a purchase-order line when known. */
public record GoodsReceived(UUID receiptId, String sku, String locationId, int quantity, String purchaseOrderId,
        String purchaseOrderLineId) implements Event {

    @Override
    public String correlationId() {
        return purchaseOrderId != null ? purchaseOrderId : receiptId.toString();
    }
}
