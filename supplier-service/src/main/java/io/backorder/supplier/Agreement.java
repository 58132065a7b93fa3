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
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The terms a supplier sells one SKU on during a period. */
@Entity
@Table(name = "agreement")
public class Agreement {

    @Id
    public UUID id;

    @Column(name = "supplier_id", nullable = false)
    public String supplierId;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public String currency;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;

    @Convert(converter = JsonLists.PriceBreaks.class)
    @Column(name = "price_breaks", nullable = false)
    public List<PriceBreak> priceBreaks = new ArrayList<>();

    @Column(name = "lead_time_days", nullable = false)
    public int leadTimeDays;

    @Column(name = "min_order_quantity", nullable = false)
    public int minOrderQuantity;

    @Column(name = "pack_size", nullable = false)
    public int packSize;

    @Column(name = "order_cost", nullable = false)
    public BigDecimal orderCost;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "urgent_lead_time_days")
    public Integer urgentLeadTimeDays;

    @Column(name = "urgent_surcharge_percent")
    public BigDecimal urgentSurchargePercent;

    @Column(nullable = false)
    public boolean dropship;

    @Column(name = "dropship_lead_time_days")
    public Integer dropshipLeadTimeDays;

    @Column(name = "dropship_fee")
    public BigDecimal dropshipFee;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public Terms terms() {
        return new Terms(id, supplierId, sku, currency, unitPrice, priceBreaks, leadTimeDays, minOrderQuantity,
                packSize, orderCost, urgentLeadTimeDays, urgentSurchargePercent, dropship, dropshipLeadTimeDays,
                dropshipFee);
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return periodsOverlap(validFrom, validTo, from, to);
    }

    /** Whether two periods (inclusive) share a day; a null end runs forever. */
    public static boolean periodsOverlap(LocalDate fromA, LocalDate toA, LocalDate fromB, LocalDate toB) {
        return (toB == null || !fromA.isAfter(toB)) && (toA == null || !fromB.isAfter(toA));
    }
}
