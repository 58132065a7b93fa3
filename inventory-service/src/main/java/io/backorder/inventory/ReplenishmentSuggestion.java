package io.backorder.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.backorder.support.rest.ConflictProblem;

/**
 * What the planner proposes to buy for a SKU, with every number that led to it, so that an operator can check the
 * reasoning as data. Its states are guarded (see {@link SuggestionState}); a change that the state does not allow
 * is refused with a conflict.
 */
@Entity
@Table(name = "replenishment_suggestion")
public class ReplenishmentSuggestion {

    /** Who approved a suggestion that no operator had to look at. */
    public static final String PLANNER = "planner";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String sku;

    @Column(name = "location_id", nullable = false)
    public String locationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SuggestionState state;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "suggested_quantity", nullable = false)
    public int suggestedQuantity;

    @Column(nullable = false)
    public boolean urgent;

    @Column(name = "need_by", nullable = false)
    public LocalDate needBy;

    @Column(name = "pinned_supplier_id")
    public String pinnedSupplierId;

    @Column(name = "forecast_method", nullable = false)
    public String forecastMethod;

    @Column(name = "forecast_daily", nullable = false)
    public BigDecimal forecastDaily;

    /** Comma-separated expected demand per day from tomorrow on. */
    @Column(name = "daily_forecast", nullable = false)
    public String dailyForecast;

    @Column(name = "demand_std_dev", nullable = false)
    public BigDecimal demandStdDev;

    @Column(name = "holdout_mae", nullable = false)
    public BigDecimal holdoutMae;

    @Column(name = "holdout_bias", nullable = false)
    public BigDecimal holdoutBias;

    @Column(name = "history_days", nullable = false)
    public int historyDays;

    @Column(name = "supplier_id")
    public String supplierId;

    @Column(name = "lead_time_mean_days", nullable = false)
    public BigDecimal leadTimeMeanDays;

    @Column(name = "lead_time_std_dev_days", nullable = false)
    public BigDecimal leadTimeStdDevDays;

    @Column(name = "minimum_order_quantity", nullable = false)
    public int minimumOrderQuantity;

    @Column(name = "pack_size", nullable = false)
    public int packSize;

    @Column(name = "planning_class")
    public String planningClass;

    @Column(name = "service_level", nullable = false)
    public BigDecimal serviceLevel;

    @Column(name = "lead_time_demand", nullable = false)
    public BigDecimal leadTimeDemand;

    @Column(name = "safety_stock", nullable = false)
    public BigDecimal safetyStock;

    @Column(name = "reorder_point", nullable = false)
    public BigDecimal reorderPoint;

    @Column(name = "on_hand", nullable = false)
    public int onHand;

    @Column(nullable = false)
    public int inbound;

    @Column(nullable = false)
    public int reserved;

    @Column(nullable = false)
    public int backordered;

    @Column(name = "inventory_position", nullable = false)
    public int inventoryPosition;

    @Column(name = "review_period_days", nullable = false)
    public int reviewPeriodDays;

    @Column(name = "review_period_demand", nullable = false)
    public BigDecimal reviewPeriodDemand;

    @Column(nullable = false)
    public BigDecimal gap;

    @Column(nullable = false)
    public BigDecimal smoothing;

    @Column(name = "raw_quantity", nullable = false)
    public BigDecimal rawQuantity;

    @Column(nullable = false)
    public String explanation;

    @Column(nullable = false)
    public String trigger;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "purchase_order_id")
    public String purchaseOrderId;

    @Column(name = "ordered_at")
    public Instant orderedAt;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Version
    public int version;

    /**
     * The plan as a suggestion. Also used, unsaved, to show a plan that orders nothing: its quantity is then 0 and it
     * must not be persisted.
     */
    public static ReplenishmentSuggestion of(ReplenishmentPlan plan, String locationId, String trigger,
            LocalDate today, Instant now) {
        ReplenishmentSuggestion s = new ReplenishmentSuggestion();
        s.id = UUID.randomUUID();
        s.sku = plan.sku();
        s.locationId = locationId;
        s.state = SuggestionState.PROPOSED;
        s.quantity = plan.suggestion().quantity();
        s.suggestedQuantity = plan.suggestion().quantity();
        s.urgent = plan.suggestion().urgent();
        s.needBy = plan.needBy(today);
        s.forecastMethod = plan.forecast().method().name();
        s.forecastDaily = decimal(plan.suggestion().forecastDaily(), 4);
        s.dailyForecast = Arrays.stream(plan.dailyForecast())
                .mapToObj(value -> String.format(Locale.ROOT, "%.2f", value))
                .collect(Collectors.joining(","));
        s.demandStdDev = decimal(plan.forecast().dailyStdDev(), 4);
        s.holdoutMae = decimal(plan.forecast().holdoutMae(), 4);
        s.holdoutBias = decimal(plan.forecast().holdoutBias(), 4);
        s.historyDays = plan.historyDays();
        s.supplierId = plan.supplierId();
        s.leadTimeMeanDays = decimal(plan.supply().leadTimeDays(), 2);
        s.leadTimeStdDevDays = decimal(plan.supply().leadTimeStdDevDays(), 2);
        s.minimumOrderQuantity = plan.supply().minimumOrderQuantity();
        s.packSize = plan.supply().packSize();
        s.planningClass = plan.planningClass();
        s.serviceLevel = decimal(plan.serviceLevel(), 4);
        s.leadTimeDemand = decimal(plan.suggestion().leadTimeDemand(), 2);
        s.safetyStock = decimal(plan.suggestion().safetyStock(), 2);
        s.reorderPoint = decimal(plan.suggestion().reorderPoint(), 2);
        s.onHand = plan.position().onHand();
        s.inbound = plan.position().inbound();
        s.reserved = plan.position().reserved();
        s.backordered = plan.position().backordered();
        s.inventoryPosition = plan.position().inventoryPosition();
        s.reviewPeriodDays = plan.settings().reviewPeriodDays();
        s.reviewPeriodDemand = decimal(plan.suggestion().reviewDemand(), 2);
        s.gap = decimal(plan.suggestion().gap(), 2);
        s.smoothing = decimal(plan.settings().smoothing(), 2);
        s.rawQuantity = decimal(plan.suggestion().rawQuantity(), 2);
        s.explanation = plan.suggestion().explanation();
        s.trigger = trigger;
        s.createdAt = now;
        s.updatedAt = now;
        return s;
    }

    /** Approved (by an operator or by the planner itself): the request goes to supplier-service. */
    public void request(String approvedBy, Instant now) {
        require(SuggestionState.PROPOSED, "approved");
        this.approvedBy = approvedBy;
        state = SuggestionState.REQUESTED;
        requestedAt = now;
        updatedAt = now;
    }

    public void changeQuantity(int quantity, String operator, Instant now) {
        require(SuggestionState.PROPOSED, "changed");
        if (quantity < 1) {
            throw new IllegalArgumentException("A suggestion orders at least one unit");
        }
        this.quantity = quantity;
        changedBy = operator;
        updatedAt = now;
    }

    public void pinSupplier(String supplierId, String operator, Instant now) {
        require(SuggestionState.PROPOSED, "changed");
        pinnedSupplierId = supplierId;
        changedBy = operator;
        updatedAt = now;
    }

    public void dismiss(String reason, String operator, Instant now) {
        require(SuggestionState.PROPOSED, "dismissed");
        state = SuggestionState.DISMISSED;
        changedBy = operator;
        closedReason = reason;
        updatedAt = now;
    }

    /** A newer planning run replaces this suggestion ({@code by}), or finds that nothing needs ordering (null). */
    public void supersede(UUID by, String reason, Instant now) {
        require(SuggestionState.PROPOSED, "superseded");
        state = SuggestionState.SUPERSEDED;
        supersededBy = by;
        closedReason = reason;
        updatedAt = now;
    }

    /** No purchase order answered the request in time: the SKU may be requested again. */
    public void expire(Instant now) {
        require(SuggestionState.REQUESTED, "expired");
        state = SuggestionState.EXPIRED;
        closedReason = "no purchase order answered the request since " + requestedAt;
        updatedAt = now;
    }

    /**
     * The purchase order answering the request was issued. Returns false when there is nothing to change: the
     * suggestion is ordered already (a redelivered event, or a second order replacing a declined line).
     */
    public boolean ordered(String purchaseOrderId, Instant now) {
        if (state == SuggestionState.ORDERED) {
            return false;
        }
        if (state != SuggestionState.REQUESTED && state != SuggestionState.EXPIRED) {
            throw new ConflictProblem("Suggestion " + id + " is " + state + "; it was never requested");
        }
        state = SuggestionState.ORDERED;
        this.purchaseOrderId = purchaseOrderId;
        orderedAt = now;
        closedReason = null;
        updatedAt = now;
        return true;
    }

    /** An operator changed it: planning runs leave it for the operator to approve or dismiss. */
    public boolean isChangedByOperator() {
        return changedBy != null;
    }

    /** The explanation sent to supplier-service, with what an operator changed. */
    public String requestExplanation() {
        StringBuilder text = new StringBuilder(explanation);
        if (quantity != suggestedQuantity) {
            text.append(" Quantity changed by ")
                    .append(changedBy)
                    .append(" from ")
                    .append(suggestedQuantity)
                    .append(" to ")
                    .append(quantity)
                    .append('.');
        }
        if (pinnedSupplierId != null) {
            text.append(" Supplier ").append(pinnedSupplierId).append(" pinned by ").append(changedBy).append('.');
        }
        return text.toString();
    }

    private void require(SuggestionState expected, String action) {
        if (state != expected) {
            throw new ConflictProblem("Suggestion " + id + " is " + state + "; only a " + expected
                    + " suggestion can be " + action);
        }
    }

    private static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}
