package io.backorder.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "sku")
public class Sku {

    /** What a SKU id may look like: it appears in URLs and CSV files. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    @Id
    public String sku;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "backorder_policy", nullable = false)
    public BackorderPolicy backorderPolicy;

    @Column(name = "backorder_cap")
    public Integer backorderCap;

    @Column(name = "cap_to_inbound", nullable = false)
    public boolean capToInbound;

    @Column(name = "launch_date")
    public LocalDate launchDate;

    @Column(name = "lead_time_days", nullable = false)
    public int leadTimeDays;

    @Column(name = "substitution_group")
    public String substitutionGroup;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    /** The class the replenishment planner plans it in (e.g. A, B, C): picks its target service level. */
    @Column(name = "planning_class")
    public String planningClass;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public boolean isPreorderOn(LocalDate day) {
        return backorderPolicy == BackorderPolicy.PREORDER && launchDate != null && day.isBefore(launchDate);
    }
}
