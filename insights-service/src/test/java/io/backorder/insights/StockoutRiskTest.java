package io.backorder.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.backorder.property.Draw;
import io.backorder.property.PropertyTest;

class StockoutRiskTest {

    @Test
    void poissonTailMatchesHandComputedValues() {
        // P(X > 3), X ~ Poisson(5) = 1 - e^-5 (1 + 5 + 12.5 + 20.833) = 0.73497
        assertThat(StockoutRisk.probabilityOfRunningOut(5, 3)).isCloseTo(0.73497, within(1e-5));
        assertThat(StockoutRisk.probabilityOfRunningOut(0, 0)).isZero();
        assertThat(StockoutRisk.probabilityOfRunningOut(2, -1)).isEqualTo(1);
        // a large mean must not underflow to "no risk"
        assertThat(StockoutRisk.probabilityOfRunningOut(2000, 1900)).isCloseTo(0.98745, within(1e-4));
    }

    @Test
    void demandSumsTheForecastAndRepeatsItsLastDayPastTheHorizon() {
        List<Double> forecast = List.of(1.0, 2.0, 3.0);
        assertThat(StockoutRisk.expectedDemand(forecast, 0, 2)).isEqualTo(3.0);
        assertThat(StockoutRisk.expectedDemand(forecast, 1, 4)).isEqualTo(2.0 + 3.0 + 3.0 + 3.0);
        assertThat(StockoutRisk.expectedDemand(forecast, -1, 2)).isEqualTo(1.0 + 1.0);
        assertThat(StockoutRisk.expectedDemand(List.of(), 0, 5)).isZero();
    }

    @PropertyTest(tries = 300)
    void moreStockNeverRaisesTheRisk(Draw draw) {
        double mean = draw.between(0, 500);
        int available = draw.between(0, 600);
        double risk = StockoutRisk.probabilityOfRunningOut(mean, available);
        assertThat(risk).isBetween(0.0, 1.0);
        assertThat(StockoutRisk.probabilityOfRunningOut(mean, available + 1)).isLessThanOrEqualTo(risk + 1e-12);
    }
}
