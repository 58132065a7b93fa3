package io.backorder.planning;

/**
 * Exponential smoothing with parameters fitted by grid search on the one-step-ahead squared error. Forecasts are
 * never negative: demand cannot be.
 */
public final class ExponentialSmoothing {

    public static final int WEEK = 7;

    private static final double[] ALPHAS = grid(0.05, 0.95, 0.05);
    private static final double[] BETAS = grid(0.0, 0.3, 0.05);
    private static final double[] GAMMAS = grid(0.0, 0.5, 0.1);

    /**
     * A fitted model.
     *
     * @param oneStepErrors actual minus one-step-ahead forecast, for every day the model could forecast
     */
    public record Fit(ForecastMethod method, double alpha, double beta, double gamma, double level, double trend,
            double[] season, double[] oneStepErrors) {

        /** Demand expected {@code daysAhead} days after the last observed day (1 = tomorrow). */
        public double forecast(int daysAhead) {
            double value = level + daysAhead * trend;
            if (season != null) {
                value += season[(season.length + daysAhead - 1) % WEEK];
            }
            return Math.max(0, value);
        }

        public double[] forecast(int fromDaysAhead, int days) {
            double[] values = new double[days];
            for (int i = 0; i < days; i++) {
                values[i] = forecast(fromDaysAhead + i);
            }
            return values;
        }

        public double sumOver(int days) {
            double sum = 0;
            for (int i = 1; i <= days; i++) {
                sum += forecast(i);
            }
            return sum;
        }

        public double residualStdDev() {
            return Statistics.stdDev(oneStepErrors);
        }
    }

    private ExponentialSmoothing() {
    }

    public static Fit fit(ForecastMethod method, double[] history) {
        if (!method.fits(history.length)) {
            throw new IllegalArgumentException(method + " needs more than " + history.length + " days of history");
        }
        Fit best = null;
        double bestError = Double.POSITIVE_INFINITY;
        double[] betas = method == ForecastMethod.SIMPLE_EXPONENTIAL_SMOOTHING ? new double[]{0} : BETAS;
        double[] gammas = method == ForecastMethod.HOLT_WINTERS_ADDITIVE ? GAMMAS : new double[]{0};
        for (double alpha : ALPHAS) {
            for (double beta : betas) {
                for (double gamma : gammas) {
                    Fit fit = run(method, history, alpha, beta, gamma);
                    double error = Statistics.sumOfSquares(fit.oneStepErrors());
                    if (error < bestError) {
                        bestError = error;
                        best = fit;
                    }
                }
            }
        }
        return best;
    }

    /** Runs the recursions once with fixed parameters. */
    static Fit run(ForecastMethod method, double[] y, double alpha, double beta, double gamma) {
        return switch (method) {
            case SIMPLE_EXPONENTIAL_SMOOTHING -> simple(y, alpha);
            case HOLT_LINEAR_TREND -> holt(y, alpha, beta);
            case HOLT_WINTERS_ADDITIVE -> holtWinters(y, alpha, beta, gamma);
        };
    }

    private static Fit simple(double[] y, double alpha) {
        double level = y[0];
        double[] errors = new double[y.length - 1];
        for (int t = 1; t < y.length; t++) {
            errors[t - 1] = y[t] - level;
            level = alpha * y[t] + (1 - alpha) * level;
        }
        return new Fit(ForecastMethod.SIMPLE_EXPONENTIAL_SMOOTHING, alpha, 0, 0, level, 0, null, errors);
    }

    private static Fit holt(double[] y, double alpha, double beta) {
        double level = y[0];
        double trend = y[1] - y[0];
        double[] errors = new double[y.length - 1];
        for (int t = 1; t < y.length; t++) {
            double forecast = level + trend;
            errors[t - 1] = y[t] - forecast;
            double previousLevel = level;
            level = alpha * y[t] + (1 - alpha) * forecast;
            trend = beta * (level - previousLevel) + (1 - beta) * trend;
        }
        return new Fit(ForecastMethod.HOLT_LINEAR_TREND, alpha, beta, 0, level, trend, null, errors);
    }

    /**
     * Additive Holt-Winters with a weekly season, initialised from the first two weeks. The returned season is
     * ordered so that index 0 is the day after the last observation.
     */
    private static Fit holtWinters(double[] y, double alpha, double beta, double gamma) {
        int m = WEEK;
        double firstWeek = Statistics.mean(y, 0, m);
        double secondWeek = Statistics.mean(y, m, 2 * m);
        double level = firstWeek;
        double trend = (secondWeek - firstWeek) / m;
        double[] season = new double[m];
        for (int i = 0; i < m; i++) {
            season[i] = y[i] - firstWeek;
        }
        double[] errors = new double[y.length - m];
        for (int t = m; t < y.length; t++) {
            double seasonal = season[t % m];
            double forecast = level + trend + seasonal;
            errors[t - m] = y[t] - forecast;
            double previousLevel = level;
            level = alpha * (y[t] - seasonal) + (1 - alpha) * (level + trend);
            trend = beta * (level - previousLevel) + (1 - beta) * trend;
            season[t % m] = gamma * (y[t] - level) + (1 - gamma) * seasonal;
        }
        double[] ahead = new double[m];
        for (int h = 0; h < m; h++) {
            ahead[h] = season[(y.length + h) % m];
        }
        return new Fit(ForecastMethod.HOLT_WINTERS_ADDITIVE, alpha, beta, gamma, level, trend, ahead, errors);
    }

    private static double[] grid(double from, double to, double step) {
        int count = (int) Math.round((to - from) / step) + 1;
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = from + i * step;
        }
        return values;
    }
}
