package io.backorder.planning;

/** The exponential-smoothing family the planner chooses from, simplest first. */
public enum ForecastMethod {
    /** Level only: flat demand. */
    SIMPLE_EXPONENTIAL_SMOOTHING(2),
    /** Level and trend (Holt). */
    HOLT_LINEAR_TREND(10),
    /** Level, trend and additive weekly seasonality (Holt-Winters); needs three seasons of history. */
    HOLT_WINTERS_ADDITIVE(3 * ExponentialSmoothing.WEEK);

    private final int minimumHistory;

    ForecastMethod(int minimumHistory) {
        this.minimumHistory = minimumHistory;
    }

    public boolean fits(int historyDays) {
        return historyDays >= minimumHistory;
    }
}
