package io.backorder.supplier;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.backorder.support.rest.ConflictProblem;

/**
 * An order to one supplier. Its status follows from its lines ({@link #refresh}) and only moves forward: CONFIRMED
 * once the supplier has confirmed an ETA for every line it did not decline. What may be done to it in which status is
 * guarded by {@link #require}.
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {

    @Id
    public String id;

    @Column(name = "supplier_id", nullable = false)
    public String supplierId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PurchaseOrderKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PurchaseOrderStatus status;

    @Column(name = "location_id")
    public String locationId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "order_line_id")
    public UUID orderLineId;

    @Column(nullable = false)
    public String currency;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** Fails with 409 unless the order is in one of the {@code allowed} states. */
    public void require(String action, PurchaseOrderStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new ConflictProblem("Purchase order " + id + " is " + status + "; it cannot be " + action
                    + " (allowed while " + Arrays.toString(allowed) + ")");
        }
    }

    /** Derives the status from the lines after they changed. */
    public void refresh(List<PurchaseOrderLine> lines, Instant now) {
        PurchaseOrderStatus next = derive(lines);
        updatedAt = now;
        if (next == status) {
            return;
        }
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("Purchase order " + id + " cannot move from " + status + " to " + next);
        }
        status = next;
        if (next == PurchaseOrderStatus.CONFIRMED) {
            confirmedAt = now;
        }
    }

    private PurchaseOrderStatus derive(List<PurchaseOrderLine> lines) {
        if (lines.stream().allMatch(l -> l.status == LineStatus.CANCELLED)) {
            return PurchaseOrderStatus.CANCELLED;
        }
        if (lines.stream().allMatch(l -> l.status.terminal())) {
            return lines.stream().anyMatch(l -> l.cancelled > 0)
                    ? PurchaseOrderStatus.CLOSED
                    : PurchaseOrderStatus.RECEIVED;
        }
        if (lines.stream()
                .allMatch(l -> l.status == LineStatus.SHIPPED || l.status.terminal())) {
            return PurchaseOrderStatus.SHIPPED;
        }
        if (lines.stream().anyMatch(l -> l.shipped > 0 || l.received > 0)) {
            return PurchaseOrderStatus.PARTIALLY_SHIPPED;
        }
        boolean allConfirmed = lines.stream()
                .filter(l -> l.status != LineStatus.CANCELLED)
                .allMatch(l -> l.etaConfirmed);
        return allConfirmed ? PurchaseOrderStatus.CONFIRMED : PurchaseOrderStatus.ISSUED;
    }
}
