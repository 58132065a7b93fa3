package io.backorder.contracts.inventory;

import java.time.LocalDate;
import java.util.List;

import io.backorder.contracts.Event;

/**
 * The forecast of end-customer demand for a SKU, shared with suppliers instead of the raw order stream (which
 * would pass our own ordering noise upstream). {@code dailyForecast} starts at {@code from}.
 */
public record DemandForecastUpdated(String sku, LocalDate from, List<Double> dailyForecast, String method,
        double holdoutMae, double holdoutBias) implements Event {

    @Override
    public String correlationId() {
        return sku;
    }
}
