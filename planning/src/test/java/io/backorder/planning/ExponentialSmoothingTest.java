package io.backorder.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.backorder.property.Draw;
import io.backorder.property.PropertyTest;

class ExponentialSmoothingTest {

    @Test
    void flatDemandIsForecastFlat() {
        double[] flat = new double[30];
        Arrays.fill(flat, 12);
        ExponentialSmoothing.Fit fit = ExponentialSmoothing.fit(ForecastMethod.SIMPLE_EXPONENTIAL_SMOOTHING, flat);
        assertThat(fit.forecast(1)).isCloseTo(12, within(1e-9));
        assertThat(fit.forecast(30)).isCloseTo(12, within(1e-9));
        assertThat(fit.residualStdDev()).isCloseTo(0, within(1e-9));
    }

    @Test
    void holtFollowsALinearTrend() {
        double[] rising = new double[40];
        for (int day = 0; day < rising.length; day++) {
            rising[day] = 10 + 0.5 * day;
        }
        ExponentialSmoothing.Fit fit = ExponentialSmoothing.fit(ForecastMethod.HOLT_LINEAR_TREND, rising);
        assertThat(fit.forecast(1)).isCloseTo(10 + 0.5 * 40, within(1e-6));
        assertThat(fit.forecast(10)).isCloseTo(10 + 0.5 * 49, within(1e-6));
    }

    @Test
    void holtWintersRecoversAWeeklyPattern() {
        double[] pattern = {10, 10, 10, 10, 10, 18, 20};
        double[] history = new double[8 * 7];
        for (int day = 0; day < history.length; day++) {
            history[day] = pattern[day % 7];
        }
        ExponentialSmoothing.Fit fit = ExponentialSmoothing.fit(ForecastMethod.HOLT_WINTERS_ADDITIVE, history);
        for (int ahead = 1; ahead <= 14; ahead++) {
            assertThat(fit.forecast(ahead)).as("day %d ahead", ahead)
                    .isCloseTo(pattern[(history.length + ahead - 1) % 7], within(1e-6));
        }
    }

    @Test
    void theSelectorPrefersSeasonalityOnlyWhenItHelps() {
        double[] pattern = {5, 5, 5, 5, 5, 25, 30};
        double[] seasonal = new double[10 * 7];
        for (int day = 0; day < seasonal.length; day++) {
            seasonal[day] = pattern[day % 7] + (day % 3);
        }
        assertThat(DemandForecast.of(seasonal).method()).isEqualTo(ForecastMethod.HOLT_WINTERS_ADDITIVE);

        double[] flat = new double[70];
        Arrays.fill(flat, 8);
        assertThat(DemandForecast.of(flat).method()).isEqualTo(ForecastMethod.SIMPLE_EXPONENTIAL_SMOOTHING);
    }

    @Test
    void promotionSpikesDoNotInflateTheLevel() {
        double[] history = new double[60];
        Arrays.fill(history, 20);
        history[57] = 80;
        history[58] = 90;
        history[59] = 70;
        DemandForecast forecast = DemandForecast.of(history);
        assertThat(forecast.fit().forecast(1)).isLessThan(30);
    }

    @PropertyTest(tries = 200)
    void forecastsAreNeverNegative(Draw draw) {
        double[] demand = draw.list(21, 60, () -> draw.between(0.0, 1e4)).stream().mapToDouble(v -> v).toArray();

        DemandForecast forecast = DemandForecast.of(demand);
        for (int ahead = 1; ahead <= 30; ahead++) {
            assertThat(forecast.fit().forecast(ahead)).isGreaterThanOrEqualTo(0);
        }
        assertThat(forecast.holdoutMae()).isGreaterThanOrEqualTo(0);
    }

    @PropertyTest(tries = 100)
    void constantDemandIsForecastExactlyByEveryMethod(Draw draw) {
        double level = draw.between(0.0, 500);
        double[] flat = new double[35];
        Arrays.fill(flat, level);
        for (ForecastMethod method : ForecastMethod.values()) {
            assertThat(ExponentialSmoothing.fit(method, flat).forecast(5)).isCloseTo(level, within(1e-6));
        }
    }
}
