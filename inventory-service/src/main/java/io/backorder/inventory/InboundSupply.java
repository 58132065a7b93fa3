package io.backorder.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Units of a SKU on their way on one purchase-order line, with the supplier's ETA. */
@Entity
@Table(name = "inbound_supply")
public class InboundSupply {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String sku;

    @Column(name = "location_id", nullable = false)
    public String locationId;

    @Column(name = "purchase_order_id", nullable = false)
    public String purchaseOrderId;

    @Column(name = "purchase_order_line_id", nullable = false)
    public String purchaseOrderLineId;

    @Column(name = "supplier_id")
    public String supplierId;

    @Column(nullable = false)
    public int quantity;

    @Column(nullable = false)
    public int received;

    public LocalDate eta;

    @Column(nullable = false)
    public boolean confirmed;

    @Column(nullable = false)
    public String status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static InboundSupply issued(String purchaseOrderId, String purchaseOrderLineId, String supplierId,
            String sku, String locationId, int quantity, LocalDate eta) {
        InboundSupply supply = new InboundSupply();
        supply.id = UUID.randomUUID();
        supply.purchaseOrderId = purchaseOrderId;
        supply.purchaseOrderLineId = purchaseOrderLineId;
        supply.supplierId = supplierId;
        supply.sku = sku;
        supply.locationId = locationId;
        supply.quantity = quantity;
        supply.eta = eta;
        supply.status = OPEN;
        supply.updatedAt = Instant.now();
        return supply;
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    public int openQuantity() {
        return isOpen() ? quantity - received : 0;
    }

    public PromiseCalculator.Supply asSupply() {
        return new PromiseCalculator.Supply(eta, openQuantity(), confirmed);
    }

    /** Returns false when nothing changed (a repeated or stale update). */
    public boolean changeEta(LocalDate newEta, boolean supplierConfirmed) {
        requireOpen("change its ETA");
        if (newEta.equals(eta) && supplierConfirmed == confirmed) {
            return false;
        }
        eta = newEta;
        confirmed = supplierConfirmed;
        updatedAt = Instant.now();
        return true;
    }

    /** Units arrived against this line; the line closes once everything ordered has arrived. */
    public void receive(int units) {
        requireOpen("receive goods");
        if (units <= 0 || units > openQuantity()) {
            throw new IllegalStateException("Purchase-order line " + purchaseOrderLineId + " expects " + openQuantity()
                    + " more units, not " + units);
        }
        received += units;
        if (received == quantity) {
            status = CLOSED;
        }
        updatedAt = Instant.now();
    }

    public void cancel(String reason) {
        requireOpen("be cancelled");
        status = CANCELLED;
        cancelReason = reason;
        updatedAt = Instant.now();
    }

    private void requireOpen(String what) {
        if (!isOpen()) {
            throw new IllegalStateException("Purchase-order line " + purchaseOrderLineId + " is " + status
                    + " and cannot " + what);
        }
    }
}
