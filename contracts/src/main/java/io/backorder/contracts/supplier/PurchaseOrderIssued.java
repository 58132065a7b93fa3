package io.backorder.contracts.supplier;

import java.time.LocalDate;
import java.util.List;

import io.backorder.contracts.Event;

/** A purchase order went to a supplier; its lines become inbound supply (not yet confirmed). */
public record PurchaseOrderIssued(String purchaseOrderId, String supplierId, String locationId, List<Line> lines)
        implements
            Event {

    public record Line(String purchaseOrderLineId, String sku, int quantity, LocalDate expectedDate) {
    }

    @Override
    public String correlationId() {
        return purchaseOrderId;
    }
}
