package io.backorder.contracts.supplier;

import java.time.LocalDate;

import io.backorder.contracts.Event;

/**
 * A supplier confirmed or changed the ETA of a purchase-order line. {@code confirmed} is true once the supplier has
 * committed to the date.
 */
public record EtaChanged(String purchaseOrderId, String purchaseOrderLineId, String sku, LocalDate previousEta,
        LocalDate newEta, boolean confirmed, String supplierId) implements Event {

    @Override
    public String correlationId() {
        return purchaseOrderId;
    }
}
