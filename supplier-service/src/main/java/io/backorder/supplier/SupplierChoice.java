package io.backorder.supplier;

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
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A recorded sourcing decision: what was wanted, every offer weighed, what was done and why. */
@Entity
@Table(name = "supplier_choice")
public class SupplierChoice {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChoiceKind kind;

    @Column(name = "demand_id", nullable = false)
    public String demandId;

    @Column(nullable = false)
    public String sku;

    @Column(name = "location_id")
    public String locationId;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "need_by")
    public LocalDate needBy;

    @Column(nullable = false)
    public boolean urgent;

    public String explanation;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "order_line_id")
    public UUID orderLineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChoiceOutcome outcome;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "supplier_id")
    public String supplierId;

    @Enumerated(EnumType.STRING)
    public Offer.Mode mode;

    @Column(name = "order_quantity")
    public Integer orderQuantity;

    @Column(name = "expected_date")
    public LocalDate expectedDate;

    @Column(name = "landed_cost")
    public BigDecimal landedCost;

    @Column(name = "base_currency", nullable = false)
    public String baseCurrency;

    @Column(name = "purchase_order_id")
    public String purchaseOrderId;

    @Column(name = "replaces_line_id")
    public String replacesLineId;

    @Convert(converter = JsonLists.Strings.class)
    @Column(nullable = false)
    public List<String> reasons;

    @Convert(converter = JsonLists.Offers.class)
    @Column(nullable = false)
    public List<Offer> offers;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** Records the decision; {@link #took} or {@link #settle} then says what came of it. */
    public static SupplierChoice of(ChoiceKind kind, String demandId, Demand demand, Choice choice,
            String baseCurrency, Instant now) {
        SupplierChoice record = new SupplierChoice();
        record.id = UUID.randomUUID();
        record.kind = kind;
        record.demandId = demandId;
        record.sku = demand.sku();
        record.quantity = demand.quantity();
        record.needBy = demand.needBy();
        record.urgent = demand.urgent();
        record.reasons = choice.reasons();
        record.offers = choice.offers();
        record.baseCurrency = baseCurrency;
        record.decidedAt = now;
        return record;
    }

    /** The offer was acted on: {@code purchaseOrderId} went to its supplier. */
    public void took(Offer offer, ChoiceOutcome result, String purchaseOrderId) {
        agreementId = offer.agreementId();
        supplierId = offer.supplierId();
        mode = offer.mode();
        orderQuantity = offer.quantity();
        expectedDate = offer.expectedArrival();
        landedCost = offer.landedCostBase();
        outcome = result;
        this.purchaseOrderId = purchaseOrderId;
    }

    /** Nothing was ordered. */
    public void settle(ChoiceOutcome result) {
        outcome = result;
    }

    public void addReason(String reason) {
        List<String> all = new ArrayList<>(reasons);
        all.add(reason);
        reasons = all;
    }
}
