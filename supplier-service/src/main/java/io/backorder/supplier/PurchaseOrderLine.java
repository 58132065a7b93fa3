package io.backorder.supplier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.backorder.support.rest.ConflictProblem;
import io.backorder.support.rest.UnprocessableProblem;

/**
 * One SKU on a purchase order. Units are ordered, then shipped or cancelled (never both), then received. The status
 * follows from those counts and only moves forward; every change goes through a guarded method below, which the
 * caller runs under the purchase order's row lock.
 */
@Entity
@Table(name = "purchase_order_line")
public class PurchaseOrderLine {

    @Id
    public String id;

    @Column(name = "purchase_order_id", nullable = false)
    public String purchaseOrderId;

    @Column(name = "supplier_id", nullable = false)
    public String supplierId;

    @Column(name = "line_number", nullable = false)
    public int lineNumber;

    @Column(nullable = false)
    public boolean dropship;

    @Column(nullable = false)
    public String sku;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;

    @Column(nullable = false)
    public boolean urgent;

    @Column(name = "demand_id", nullable = false)
    public String demandId;

    @Column(name = "need_by", nullable = false)
    public LocalDate needBy;

    /** The arrival the agreement's lead time promised when the line was issued. */
    @Column(name = "expected_date", nullable = false)
    public LocalDate expectedDate;

    @Column(nullable = false)
    public LocalDate eta;

    @Column(name = "eta_confirmed", nullable = false)
    public boolean etaConfirmed;

    @Column(name = "promised_date")
    public LocalDate promisedDate;

    @Column(nullable = false)
    public int shipped;

    @Column(nullable = false)
    public int received;

    @Column(nullable = false)
    public int cancelled;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_cause")
    public CancelCause cancelCause;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineStatus status;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Column(name = "last_delivered_on")
    public LocalDate lastDeliveredOn;

    @Column(name = "settled_on")
    public LocalDate settledOn;

    /** Units neither shipped nor cancelled yet. */
    public int unshipped() {
        return quantity - cancelled - shipped;
    }

    /** Units that will still arrive: what inventory counts as inbound supply. */
    public int undelivered() {
        return Math.max(0, quantity - cancelled - delivered());
    }

    /** Units that reached their destination: received at the warehouse, or for a dropship shipped to the customer. */
    public int delivered() {
        return dropship ? shipped : received;
    }

    /** The supplier commits to an ETA for the first time. */
    public void confirm(LocalDate newEta, LocalDate today) {
        requireStatus("confirmed", LineStatus.ISSUED);
        requireNotPast(newEta, today);
        eta = newEta;
        etaConfirmed = true;
        promisedDate = newEta;
        advance(today);
    }

    /**
     * Sets the ETA of the units still to be shipped: the first ETA a supplier sets confirms the line, later ones
     * change it. Returns what kind of change it was, or null when the ETA stays as it was.
     */
    public EtaChangeKind setEta(LocalDate newEta, LocalDate today) {
        if (status == LineStatus.ISSUED) {
            confirm(newEta, today);
            return EtaChangeKind.CONFIRMED;
        }
        requireStatus("given a new ETA", LineStatus.CONFIRMED, LineStatus.PARTIALLY_SHIPPED);
        requireNotPast(newEta, today);
        if (newEta.equals(eta)) {
            return null;
        }
        eta = newEta;
        return EtaChangeKind.CHANGED;
    }

    public void ship(int units, LocalDate shippedOn) {
        requireStatus("shipped", LineStatus.CONFIRMED, LineStatus.PARTIALLY_SHIPPED);
        if (units < 1 || units > unshipped()) {
            throw new UnprocessableProblem("Line " + id + " has " + unshipped() + " units left to ship; "
                    + units + " cannot be shipped");
        }
        shipped += units;
        if (dropship) {
            lastDeliveredOn = shippedOn;
        }
        advance(shippedOn);
    }

    /** Cancels every unit not shipped yet; returns how many. Units already shipped are still expected. */
    public int cancelUnshipped(CancelCause cause, LocalDate today) {
        requireStatus("cancelled", LineStatus.ISSUED, LineStatus.CONFIRMED, LineStatus.PARTIALLY_SHIPPED);
        int units = unshipped();
        cancelled += units;
        cancelCause = cause;
        advance(today);
        return units;
    }

    /**
     * Goods arrived at the warehouse. A receipt is a fact and is accepted in any state: units received without a
     * shipment advice count as shipped, and units beyond the order are kept as received.
     */
    public void receive(int units, LocalDate receivedOn) {
        if (units < 1) {
            throw new IllegalArgumentException("A receipt has at least one unit");
        }
        received += units;
        shipped = Math.max(shipped, Math.min(received, quantity - cancelled));
        if (lastDeliveredOn == null || receivedOn.isAfter(lastDeliveredOn)) {
            lastDeliveredOn = receivedOn;
        }
        advance(receivedOn);
    }

    /** How this line went, for statistics: our own cancellations are not asked of the supplier. */
    public DeliveryOutcome outcome() {
        int asked = quantity - (cancelCause == CancelCause.BUYER ? cancelled : 0);
        return new DeliveryOutcome(supplierId, sku, issuedOn, promisedDate != null ? promisedDate : expectedDate,
                lastDeliveredOn, asked, delivered());
    }

    public boolean overdue(LocalDate today) {
        return !status.terminal() && unshipped() > 0 && eta.isBefore(today);
    }

    private LineStatus derivedStatus() {
        if (cancelled == quantity) {
            return LineStatus.CANCELLED;
        }
        if (delivered() >= quantity - cancelled) {
            return LineStatus.RECEIVED;
        }
        if (shipped + cancelled == quantity) {
            return LineStatus.SHIPPED;
        }
        if (shipped > 0) {
            return LineStatus.PARTIALLY_SHIPPED;
        }
        return etaConfirmed ? LineStatus.CONFIRMED : LineStatus.ISSUED;
    }

    private void advance(LocalDate today) {
        LineStatus next = derivedStatus();
        if (next == status) {
            return;
        }
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("Line " + id + " cannot move from " + status + " to " + next);
        }
        status = next;
        if (next.terminal()) {
            settledOn = today;
        }
    }

    private void requireStatus(String action, LineStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new ConflictProblem("Line " + id + " is " + status + " and cannot be " + action);
        }
    }

    private void requireNotPast(LocalDate newEta, LocalDate today) {
        if (newEta == null) {
            throw new UnprocessableProblem("Line " + id + " needs an ETA");
        }
        if (newEta.isBefore(today)) {
            throw new UnprocessableProblem("The ETA " + newEta + " of line " + id + " is in the past (today is "
                    + today + ")");
        }
    }
}
