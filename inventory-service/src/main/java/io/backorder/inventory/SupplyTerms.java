package io.backorder.inventory;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the planner assumes about buying a SKU: the preferred supplier's lead time, its variability, order sizes. */
@Entity
@Table(name = "supply_terms")
public class SupplyTerms {

    @Id
    public String sku;

    @Column(name = "supplier_id", nullable = false)
    public String supplierId;

    @Column(name = "lead_time_mean_days", nullable = false)
    public BigDecimal leadTimeMeanDays;

    @Column(name = "lead_time_std_dev_days", nullable = false)
    public BigDecimal leadTimeStdDevDays;

    @Column(name = "minimum_order_quantity", nullable = false)
    public int minimumOrderQuantity;

    @Column(name = "pack_size", nullable = false)
    public int packSize;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
