package io.backorder.insights;

import java.util.List;

/**
 * The probability that a SKU runs out before its next receipt: demand over the days until the goods arrive is taken
 * as Poisson with the forecast's total as its mean (the forecast gives expected daily units; Poisson is the usual
 * model for counts of independent orders), and the risk is P(demand > available).
 */
public final class StockoutRisk {

    private StockoutRisk() {
    }

    /** Expected demand over {@code days} days of the forecast, starting {@code offset} days into it. */
    public static double expectedDemand(List<Double> dailyForecast, int offset, int days) {
        if (dailyForecast.isEmpty() || days <= 0) {
            return 0;
        }
        double total = 0;
        for (int day = offset; day < offset + days; day++) {
            // past the forecast's horizon its last day is the best guess
            total += Math.max(0, dailyForecast.get(Math.min(Math.max(day, 0), dailyForecast.size() - 1)));
        }
        return total;
    }

    /** P(X > available) for X ~ Poisson(mean). */
    public static double probabilityOfRunningOut(double mean, int available) {
        if (available < 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        // sum P(X = k) for k <= available in log space: e^-mean underflows for large means
        double logTerm = -mean;
        double cdf = Math.exp(logTerm);
        for (int k = 1; k <= available; k++) {
            logTerm += Math.log(mean) - Math.log(k);
            cdf += Math.exp(logTerm);
        }
        return Math.max(0, Math.min(1, 1 - cdf));
    }
}
