package io.backorder.supplier.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.backorder.supplier.CancelCause;
import io.backorder.supplier.EtaChangeKind;
import io.backorder.supplier.LineStatus;
import io.backorder.supplier.PurchaseOrderKind;
import io.backorder.supplier.PurchaseOrderStatus;

/**
 * A purchase order as its supplier and operators see it. A dropship order names the customer order line it serves
 * instead of a warehouse.
 */
public record PurchaseOrderView(String id, String supplierId, PurchaseOrderKind kind, PurchaseOrderStatus status,
        String locationId, UUID orderId, UUID orderLineId, String currency, BigDecimal total, Instant issuedAt,
        Instant confirmedAt, List<Line> lines, List<ShipmentView> shipments, List<ReceiptView> receipts) {

    /**
     * @param requestedDate the arrival the agreement's lead time gives: what we ordered for
     * @param eta the current ETA: our estimate until the supplier confirms, then the supplier's
     * @param overdue the ETA passed with units still to ship
     */
    public record Line(String id, int lineNumber, String sku, int quantity, BigDecimal unitPrice, boolean urgent,
            LocalDate requestedDate, LocalDate eta, boolean etaConfirmed, LocalDate promisedDate, int shipped,
            int received, int cancelled, CancelCause cancelCause, LineStatus status, boolean overdue,
            List<EtaChangeView> etaHistory) {
    }

    public record EtaChangeView(EtaChangeKind kind, LocalDate previousEta, LocalDate newEta, String reason,
            String changedBy, Instant changedAt) {
    }

    public record ShipmentView(UUID id, String trackingNumber, String carrier, LocalDate shippedOn,
            Instant advisedAt, List<ShippedLine> lines) {
    }

    public record ShippedLine(String lineId, int quantity) {
    }

    public record ReceiptView(UUID receiptId, String lineId, int quantity, LocalDate receivedOn) {
    }
}
