package io.backorder.contracts.supplier;

import io.backorder.contracts.Event;

/** A purchase-order line will not be delivered (declined by the supplier or cancelled): its supply is gone. */
public record PurchaseOrderLineCancelled(String purchaseOrderId, String purchaseOrderLineId, String sku,
        int undeliveredQuantity, String reason) implements Event {

    @Override
    public String correlationId() {
        return purchaseOrderId;
    }
}
