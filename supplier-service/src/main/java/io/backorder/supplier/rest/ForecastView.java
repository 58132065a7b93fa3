package io.backorder.supplier.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.backorder.supplier.DemandForecast;

/**
 * Forecast end-customer demand for a SKU: units per day starting at {@code from}, with the forecasting method and
 * its error on held-out history (mean absolute error and bias, in units per day).
 */
public record ForecastView(String sku, LocalDate from, List<Double> dailyForecast, String method, Double holdoutMae,
        Double holdoutBias, Instant madeAt) {

    public static ForecastView of(DemandForecast forecast) {
        return new ForecastView(forecast.sku, forecast.from, forecast.dailyForecast, forecast.method,
                forecast.holdoutMae, forecast.holdoutBias, forecast.madeAt);
    }
}
