package io.backorder.supplier;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One entry of a purchase-order line's ETA history. */
@Entity
@Table(name = "eta_change")
public class EtaChange {

    // A sequence rather than an identity column: identity rows are inserted at once, before the row they refer to.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eta_change_id_seq")
    @SequenceGenerator(name = "eta_change_id_seq", sequenceName = "eta_change_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "purchase_order_line_id", nullable = false)
    public String purchaseOrderLineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EtaChangeKind kind;

    @Column(name = "previous_eta")
    public LocalDate previousEta;

    @Column(name = "new_eta", nullable = false)
    public LocalDate newEta;

    public String reason;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static EtaChange of(PurchaseOrderLine line, EtaChangeKind kind, LocalDate previous, String reason,
            String changedBy, Instant at) {
        EtaChange change = new EtaChange();
        change.purchaseOrderLineId = line.id;
        change.kind = kind;
        change.previousEta = previous;
        change.newEta = line.eta;
        change.reason = reason;
        change.changedBy = changedBy;
        change.changedAt = at;
        return change;
    }
}
