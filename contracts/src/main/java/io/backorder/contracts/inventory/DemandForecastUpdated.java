package io.backorder.contracts.inventory;

import java.time.LocalDate;
import java.util.List;

import io.backorder.contracts.Event;

/**
 * The forecast of end-customer demand for a SKU, shared with suppliers instead of the raw order stream (which
 * would pass our own ordering noise upstream). {@code dailyForecast} starts at {@code from}.
 * {@code availableQuantity} is the stock available to promise when the forecast was made (null when the publisher
 * does not say): with the forecast it gives the risk of running out before the next receipt.
 */
public record DemandForecastUpdated(String sku, LocalDate from, List<Double> dailyForecast, String method,
        double holdoutMae, double holdoutBias, Integer availableQuantity) implements Event {

    @Override
    public String correlationId() {
        return sku;
    }
}
