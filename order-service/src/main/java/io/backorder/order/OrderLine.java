package io.backorder.order;

import static io.backorder.order.IllegalTransitionException.require;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.RejectionReason;

/**
 * One line of an order. Units move between reserved (in our warehouse), backordered (waiting for supply), dropship
 * (coming from a supplier) and shipped; the state follows from them until the line is closed.
 */
@Entity
@Table(name = "order_line")
public class OrderLine {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    private int seq;

    @Column(nullable = false)
    private String sku;

    private String description;

    private int quantity;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LineState state;

    private int reserved;

    /** Units reserved later from received goods (part of {@link #reserved}). */
    private int allocated;

    private int backordered;

    private int dropship;

    private int shipped;

    @Column(name = "shipped_from_stock")
    private int shippedFromStock;

    @Enumerated(EnumType.STRING)
    @Column(name = "backorder_kind")
    private BackorderKind backorderKind;

    @Column(name = "promise_date")
    private LocalDate promiseDate;

    @Column(name = "first_promise_date")
    private LocalDate firstPromiseDate;

    /** The promise the customer last accepted: slips are measured from here. */
    @Column(name = "offer_baseline_date")
    private LocalDate offerBaselineDate;

    @Enumerated(EnumType.STRING)
    private PromiseConfidence confidence;

    @Convert(converter = LocalDateListConverter.class)
    @Column(name = "promise_history")
    private List<LocalDate> promiseHistory = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason")
    private RejectionReason rejectionReason;

    @Column(name = "substitute_for")
    private UUID substituteFor;

    @Column(name = "substituted_by")
    private UUID substitutedBy;

    @Column(nullable = false)
    private BigDecimal discount;

    /** The hold (pending or active) meant to pay for this line's uncaptured amount. */
    @Column(name = "hold_id")
    private UUID holdId;

    @Column(name = "stock_released")
    private boolean stockReleased;

    @Column(name = "cancellation_notified")
    private boolean cancellationNotified;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "release_reason")
    private String releaseReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OrderLine() {
    }

    OrderLine(Order order, int seq, String sku, String description, int quantity, BigDecimal unitPrice, Instant now) {
        if (quantity <= 0 || unitPrice.signum() < 0) {
            throw new IllegalArgumentException("A line needs a positive quantity and a price of at least zero");
        }
        this.id = UUID.randomUUID();
        this.order = order;
        this.seq = seq;
        this.sku = sku;
        this.description = description;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.discount = BigDecimal.ZERO;
        this.state = LineState.PENDING;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public String description() {
        return description;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public LineState state() {
        return state;
    }

    public int reserved() {
        return reserved;
    }

    public int backordered() {
        return backordered;
    }

    public int dropship() {
        return dropship;
    }

    public int shipped() {
        return shipped;
    }

    public BackorderKind backorderKind() {
        return backorderKind;
    }

    public LocalDate promiseDate() {
        return promiseDate;
    }

    public LocalDate firstPromiseDate() {
        return firstPromiseDate;
    }

    public LocalDate offerBaselineDate() {
        return offerBaselineDate;
    }

    public PromiseConfidence confidence() {
        return confidence;
    }

    public List<LocalDate> promiseHistory() {
        return List.copyOf(promiseHistory);
    }

    public RejectionReason rejectionReason() {
        return rejectionReason;
    }

    public UUID substituteFor() {
        return substituteFor;
    }

    public UUID substitutedBy() {
        return substitutedBy;
    }

    public BigDecimal discount() {
        return discount;
    }

    public UUID holdId() {
        return holdId;
    }

    public boolean stockReleased() {
        return stockReleased;
    }

    public boolean cancellationNotified() {
        return cancellationNotified;
    }

    public String cancelReason() {
        return cancelReason;
    }

    /** What inventory was told when this line's stock was given back; null while it holds stock. */
    public String releaseReason() {
        return releaseReason;
    }

    /** Price of all units before any discount. */
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    /** What the customer pays for the whole line. */
    public BigDecimal chargeable() {
        return amount().subtract(discount);
    }

    /** Units that could leave now (reserved or arranged for dropship) and have not shipped. */
    public int readyUnits() {
        return reserved + dropship - shipped;
    }

    public boolean isOpen() {
        return !state.isClosed();
    }

    public boolean isDecided() {
        return state != LineState.PENDING;
    }

    /** Open and some units still wait for supply. */
    public boolean isWaiting() {
        return isOpen() && isDecided() && backordered > 0;
    }

    public boolean isCompensated() {
        return state == LineState.CANCELLED || state == LineState.SUBSTITUTED;
    }

    /** Inventory may hold a reservation or a backorder position for it. */
    public boolean mayHoldInventory() {
        return isOpen();
    }

    public void reserveAll() {
        require(state == LineState.PENDING, "Line %s already has an outcome (%s)", id, state);
        reserved = quantity;
        refreshState();
    }

    public void backorder(int reservedUnits, int backorderedUnits, BackorderKind kind, LocalDate promise,
            PromiseConfidence promiseConfidence) {
        require(state == LineState.PENDING, "Line %s already has an outcome (%s)", id, state);
        if (reservedUnits < 0 || backorderedUnits < 0 || reservedUnits + backorderedUnits != quantity) {
            throw new IllegalArgumentException("Backorder of line " + id + " does not add up: " + reservedUnits
                    + " reserved + " + backorderedUnits + " backordered != " + quantity);
        }
        reserved = reservedUnits;
        backordered = backorderedUnits;
        backorderKind = kind;
        promiseDate = promise;
        firstPromiseDate = promise;
        offerBaselineDate = promise;
        confidence = promiseConfidence;
        refreshState();
    }

    public void reject(RejectionReason reason) {
        require(state == LineState.PENDING, "Line %s already has an outcome (%s)", id, state);
        state = LineState.REJECTED;
        rejectionReason = reason;
    }

    /** Returns false when the date did not move. */
    public boolean changePromise(LocalDate date, PromiseConfidence promiseConfidence) {
        require(isWaiting(), "Line %s does not wait for supply (%s)", id, state);
        if (promiseConfidence != null) {
            confidence = promiseConfidence;
        }
        if (date == null || date.equals(promiseDate)) {
            return false;
        }
        if (promiseDate != null) {
            promiseHistory.add(promiseDate);
        }
        promiseDate = date;
        return true;
    }

    /**
     * Received goods now cover all but {@code remainingBackordered} units. Returns false for an allocation already
     * applied (allocations only ever shrink the backorder, so an older or repeated one changes nothing).
     */
    public boolean allocate(int remainingBackordered) {
        require(isOpen() && isDecided(), "Line %s cannot be allocated (%s)", id, state);
        if (remainingBackordered < 0 || remainingBackordered >= backordered) {
            return false;
        }
        int units = backordered - remainingBackordered;
        reserved += units;
        allocated += units;
        backordered = remainingBackordered;
        refreshState();
        return true;
    }

    /** Waiting units will come from a supplier instead; returns how many. */
    public int arrangeDropship(int units, LocalDate eta) {
        require(isWaiting(), "Line %s does not wait for supply (%s)", id, state);
        int moved = Math.min(units, backordered);
        backordered -= moved;
        dropship += moved;
        if (eta != null && !eta.equals(promiseDate)) {
            if (promiseDate != null) {
                promiseHistory.add(promiseDate);
            }
            promiseDate = eta;
        }
        refreshState();
        return moved;
    }

    /** Records units as shipped; returns how many of them came from our reserved stock. */
    public int ship(int units) {
        require(isOpen() && isDecided() && units > 0 && units <= readyUnits(),
                "Line %s cannot ship %d units (%d ready, %s)", id, units, readyUnits(), state);
        int fromStock = Math.min(units, reserved - shippedFromStock);
        shippedFromStock += fromStock;
        shipped += units;
        refreshState();
        return fromStock;
    }

    /** Open lines and shipped ones (a refund) can be cancelled; rejected and replaced ones cannot. */
    public void cancel(String reason, String inventoryReason) {
        require(isOpen() || state == LineState.SHIPPED, "Line %s is %s and cannot be cancelled", id, state);
        state = LineState.CANCELLED;
        cancelReason = reason;
        releaseReason = inventoryReason;
    }

    public boolean canBeSubstituted() {
        return isWaiting() && shipped == 0;
    }

    public void substitute(UUID replacement, String inventoryReason) {
        require(canBeSubstituted(), "Line %s cannot be replaced (%s, %d shipped)", id, state, shipped);
        state = LineState.SUBSTITUTED;
        substitutedBy = replacement;
        releaseReason = inventoryReason;
    }

    void replaces(UUID original) {
        substituteFor = original;
    }

    public void grantDiscount(BigDecimal amount) {
        require(isOpen(), "Line %s is %s; no discount can be granted", id, state);
        if (amount.signum() < 0 || discount.add(amount).compareTo(amount()) > 0) {
            throw new IllegalArgumentException("A discount of " + amount + " does not fit line " + id);
        }
        discount = discount.add(amount);
    }

    public void coverBy(UUID hold) {
        holdId = hold;
    }

    public void uncover() {
        holdId = null;
    }

    public void resetOfferBaseline() {
        offerBaselineDate = promiseDate;
    }

    /** Returns false when the release had been recorded before. */
    public boolean markStockReleased() {
        if (stockReleased) {
            return false;
        }
        stockReleased = true;
        return true;
    }

    public void markCancellationNotified() {
        require(state == LineState.CANCELLED, "Line %s is not cancelled", id);
        cancellationNotified = true;
    }

    private void refreshState() {
        if (shipped == quantity) {
            state = LineState.SHIPPED;
        } else if (backordered > 0) {
            state = LineState.BACKORDERED;
        } else if (shipped > 0) {
            state = LineState.PARTIALLY_SHIPPED;
        } else if (dropship > 0) {
            state = LineState.DROPSHIP;
        } else if (allocated > 0) {
            state = LineState.ALLOCATED;
        } else {
            state = LineState.RESERVED;
        }
    }
}
