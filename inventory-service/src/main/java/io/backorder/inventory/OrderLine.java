package io.backorder.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.RejectionReason;

/**
 * Inventory's view of one order line: what is reserved for it (fulfilment backlog), what it still waits for (its
 * backorder position), what has shipped and what a supplier dropships. Status changes only through the guarded
 * methods below, or through the bulk queue updates of {@code QueueRepository} which apply the same guards in SQL.
 */
@Entity
@Table(name = "order_line")
public class OrderLine {

    @Id
    @Column(name = "line_id")
    public UUID lineId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(nullable = false)
    public String sku;

    /** Where the line's first units were reserved (its reservations are in {@link LineReservation}). */
    @Column(name = "location_id")
    public String locationId;

    @Column(nullable = false)
    public int quantity;

    @Column(nullable = false)
    public int reserved;

    @Column(nullable = false)
    public int backordered;

    /** Units that were backordered and later allocated from received goods (they are part of reserved). */
    @Column(nullable = false)
    public int allocated;

    @Column(nullable = false)
    public int shipped;

    @Column(nullable = false)
    public int dropshipped;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineStatus status;

    @Enumerated(EnumType.STRING)
    public BackorderKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason")
    public RejectionReason rejectionReason;

    @Column(name = "promise_date")
    public LocalDate promiseDate;

    @Column(name = "first_promise_date")
    public LocalDate firstPromiseDate;

    @Enumerated(EnumType.STRING)
    public PromiseConfidence confidence;

    @Enumerated(EnumType.STRING)
    @Column(name = "first_confidence")
    public PromiseConfidence firstConfidence;

    @Column(name = "initial_reserved", nullable = false)
    public int initialReserved;

    @Column(name = "initial_backordered", nullable = false)
    public int initialBackordered;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_tier", nullable = false)
    public CustomerTier customerTier;

    @Column(name = "order_value", nullable = false)
    public BigDecimal orderValue;

    @Column(name = "ordered_at", nullable = false)
    public Instant orderedAt;

    @Column(name = "ship_complete", nullable = false)
    public boolean shipComplete;

    @Column(name = "latest_acceptable_date")
    public LocalDate latestAcceptableDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public void reject(RejectionReason reason) {
        requireNew();
        status = LineStatus.REJECTED;
        rejectionReason = reason;
    }

    public void reserveAndBackorder(String location, int reservedUnits, int backorderedUnits,
            BackorderKind backorderKind) {
        requireNew();
        locationId = location;
        reserved = reservedUnits;
        backordered = backorderedUnits;
        initialReserved = reservedUnits;
        initialBackordered = backorderedUnits;
        kind = backorderedUnits > 0 ? backorderKind : null;
        status = backorderedUnits > 0 ? LineStatus.BACKORDERED : LineStatus.RESERVED;
    }

    /** Gives back everything held; returns the reserved units that went back to stock. */
    public int release() {
        requireOpen("released");
        int released = reserved;
        reserved = 0;
        backordered = 0;
        status = LineStatus.RELEASED;
        touch();
        return released;
    }

    /** Reserved units left the warehouse. */
    public void ship(int units) {
        requireOpen("shipped");
        if (units <= 0 || units > reserved) {
            throw new IllegalStateException("Line " + lineId + " cannot ship " + units + " units: " + reserved
                    + " are reserved");
        }
        reserved -= units;
        shipped += units;
        settleStatus();
    }

    /**
     * A supplier ships the waiting units straight to the customer. Units reserved for the line stay reserved (the
     * order decides whether to ship or release them). Returns the units that stopped waiting, zero when none waited.
     */
    public int dropship(int units) {
        if (status != LineStatus.BACKORDERED) {
            return 0;
        }
        int dropped = Math.min(units, backordered);
        backordered -= dropped;
        dropshipped += dropped;
        settleStatus();
        return dropped;
    }

    public boolean isOpen() {
        return status == LineStatus.RESERVED || status == LineStatus.BACKORDERED;
    }

    private void settleStatus() {
        if (backordered > 0) {
            status = LineStatus.BACKORDERED;
        } else if (reserved > 0) {
            status = LineStatus.RESERVED;
        } else {
            status = shipped > 0 ? LineStatus.SHIPPED : LineStatus.DROPSHIPPED;
        }
        touch();
    }

    private void requireOpen(String transition) {
        if (!isOpen()) {
            throw new IllegalStateException("Line " + lineId + " cannot be " + transition + " from " + status);
        }
    }

    private void requireNew() {
        if (status != null) {
            throw new IllegalStateException("Line " + lineId + " already has an outcome: " + status);
        }
        touch();
    }

    private void touch() {
        updatedAt = Instant.now();
    }
}
