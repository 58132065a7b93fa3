package io.backorder.supplier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Inventory's latest forecast of end-customer demand for a SKU. Suppliers of the SKU see it instead of our order
 * stream, which carries our own ordering noise upstream.
 */
@Entity
@Table(name = "demand_forecast")
public class DemandForecast {

    @Id
    public String sku;

    @Column(name = "from_date", nullable = false)
    public LocalDate from;

    /** Units per day, starting at {@link #from}. */
    @Convert(converter = JsonLists.Doubles.class)
    @Column(name = "daily_forecast", nullable = false)
    public List<Double> dailyForecast;

    public String method;

    @Column(name = "holdout_mae")
    public Double holdoutMae;

    @Column(name = "holdout_bias")
    public Double holdoutBias;

    @Column(name = "made_at", nullable = false)
    public Instant madeAt;
}
