package io.backorder.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A demand forecast for one SKU: the method chosen by holdout error among those the history is long enough for,
 * refitted on the whole history, with the error it showed on the holdout.
 *
 * @param holdoutMae mean absolute error per day on the held-out last part of the history (0 when too short)
 * @param holdoutBias mean of forecast minus actual on the holdout: positive means the method over-forecasts
 */
public record DemandForecast(ExponentialSmoothing.Fit fit, double holdoutMae, double holdoutBias,
        List<MethodScore> candidates) {

    public record MethodScore(ForecastMethod method, double holdoutMae) {
    }

    /** History shorter than this is forecast as its plain mean. */
    static final int MINIMUM_HISTORY = 2;

    public static DemandForecast of(double[] dailyDemand) {
        if (dailyDemand.length < MINIMUM_HISTORY) {
            double level = dailyDemand.length == 0 ? 0 : dailyDemand[0];
            return new DemandForecast(new ExponentialSmoothing.Fit(ForecastMethod.SIMPLE_EXPONENTIAL_SMOOTHING, 0, 0,
                    0, level, 0, null, new double[0]), 0, 0, List.of());
        }
        double[] cleaned = withoutOutliers(dailyDemand);
        int holdout = Math.min(28, cleaned.length / 4);
        double[] training = Arrays.copyOf(cleaned, cleaned.length - holdout);
        double[] actual = Arrays.copyOfRange(cleaned, cleaned.length - holdout, cleaned.length);
        List<MethodScore> candidates = new ArrayList<>();
        ForecastMethod chosen = ForecastMethod.SIMPLE_EXPONENTIAL_SMOOTHING;
        double chosenMae = Double.POSITIVE_INFINITY;
        double chosenBias = 0;
        for (ForecastMethod method : ForecastMethod.values()) {
            if (holdout == 0 || !method.fits(training.length)) {
                continue;
            }
            double[] predicted = ExponentialSmoothing.fit(method, training).forecast(1, holdout);
            double mae = 0;
            double bias = 0;
            for (int i = 0; i < holdout; i++) {
                mae += Math.abs(predicted[i] - actual[i]);
                bias += predicted[i] - actual[i];
            }
            mae /= holdout;
            candidates.add(new MethodScore(method, mae));
            // A more complex method must beat the simpler one clearly, or it only fits noise.
            if (mae < chosenMae * 0.97) {
                chosen = method;
                chosenMae = mae;
                chosenBias = bias / holdout;
            }
        }
        ExponentialSmoothing.Fit fit = ExponentialSmoothing.fit(chosen, cleaned);
        return new DemandForecast(fit, candidates.isEmpty() ? 0 : chosenMae, chosenBias, List.copyOf(candidates));
    }

    /**
     * Caps days far above the usual demand (promotions, one-off bulk orders) at median + 4 robust standard
     * deviations (MAD-based). Fitting to such spikes would carry them into the level and the reorder point and send
     * a burst of orders upstream after every promotion: the bullwhip effect starts in the forecast.
     */
    static double[] withoutOutliers(double[] demand) {
        if (demand.length < 7) {
            return demand;
        }
        double median = Statistics.median(demand);
        double[] deviations = new double[demand.length];
        for (int i = 0; i < demand.length; i++) {
            deviations[i] = Math.abs(demand[i] - median);
        }
        double robustStdDev = 1.4826 * Statistics.median(deviations);
        double cap = median + 4 * Math.max(robustStdDev, 1);
        double[] cleaned = new double[demand.length];
        for (int i = 0; i < demand.length; i++) {
            cleaned[i] = Math.min(demand[i], cap);
        }
        return cleaned;
    }

    public ForecastMethod method() {
        return fit.method();
    }

    /** Standard deviation of daily demand around the forecast (one-step errors), for safety stock. */
    public double dailyStdDev() {
        return fit.residualStdDev();
    }
}
