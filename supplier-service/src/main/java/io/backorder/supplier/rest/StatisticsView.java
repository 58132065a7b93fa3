package io.backorder.supplier.rest;

import java.time.LocalDate;
import java.util.List;

/**
 * A supplier's delivery performance over the purchase-order lines settled in [{@code from}, {@code to}], overall
 * and per SKU. Rates are fractions (0.95 = 95%); figures without data are null.
 */
public record StatisticsView(String supplierId, LocalDate from, LocalDate to, Figures overall, List<SkuFigures> bySku) {

    public record Figures(int settledLines, int deliveredLines, Double onTimeRate, Double averageSlipDays,
            Double fillRate, Double leadTimeMeanDays, Double leadTimeStdDevDays) {
    }

    public record SkuFigures(String sku, Figures figures) {
    }
}
