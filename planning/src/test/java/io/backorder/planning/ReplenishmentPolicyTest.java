package io.backorder.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.backorder.planning.ReplenishmentPolicy.Position;
import io.backorder.planning.ReplenishmentPolicy.Settings;
import io.backorder.planning.ReplenishmentPolicy.Suggestion;
import io.backorder.planning.ReplenishmentPolicy.Supply;
import io.backorder.planning.backtest.Backtest;
import io.backorder.planning.backtest.DemandScenario;
import io.backorder.property.Draw;
import io.backorder.property.PropertyTest;

class ReplenishmentPolicyTest {

    private static final Supply SUPPLY = new Supply(10, 2, 1, 1);

    private static DemandForecast flat(double perDay, double noise) {
        double[] history = new double[60];
        for (int day = 0; day < history.length; day++) {
            history[day] = perDay + (day % 2 == 0 ? noise : -noise);
        }
        return DemandForecast.of(history);
    }

    @Test
    void normalQuantileMatchesTables() {
        assertThat(Statistics.normalQuantile(0.5)).isCloseTo(0, within(1e-9));
        assertThat(Statistics.normalQuantile(0.95)).isCloseTo(1.644854, within(1e-6));
        assertThat(Statistics.normalQuantile(0.99)).isCloseTo(2.326348, within(1e-6));
        assertThat(Statistics.normalQuantile(0.01)).isCloseTo(-2.326348, within(1e-6));
    }

    @Test
    void safetyStockCombinesDemandAndLeadTimeVariability() {
        // z(0.95) * sqrt(10 * 3^2 + 20^2 * 2^2) = 1.6449 * sqrt(90 + 1600)
        assertThat(ReplenishmentPolicy.safetyStock(0.95, 20, 3, 10, 2)).isCloseTo(1.644854 * Math.sqrt(1690),
                within(1e-3));
        assertThat(ReplenishmentPolicy.safetyStock(0.95, 20, 0, 10, 0)).isZero();
    }

    @Test
    void nothingIsOrderedWhileThePositionCoversTheReorderPoint() {
        Suggestion suggestion = ReplenishmentPolicy.suggest(flat(10, 1), new Position(500, 0, 0, 0), SUPPLY,
                new Settings(0.95, 1, 1));
        assertThat(suggestion.reorder()).isFalse();
        assertThat(suggestion.explanation()).contains("No order");
    }

    @Test
    void classicOrderUpToFillsTheGapAndExplainsIt() {
        Suggestion suggestion = ReplenishmentPolicy.suggest(flat(10, 1), new Position(20, 0, 5, 10), SUPPLY,
                new Settings(0.95, 1, 1));
        assertThat(suggestion.reorder()).isTrue();
        assertThat(suggestion.urgent()).isTrue();
        assertThat(suggestion.inventoryPosition()).isEqualTo(5);
        assertThat(suggestion.leadTimeDemand()).isCloseTo(100, within(1.0));
        double expected = 10 + suggestion.reorderPoint() - 5;
        assertThat(suggestion.quantity()).isEqualTo((int) Math.ceil(expected - 1e-9));
        assertThat(suggestion.explanation()).contains("reorder point", "safety stock", "Urgent");
    }

    @Test
    void smoothingSpreadsABurstOfBackordersOverSeveralOrders() {
        Position burst = new Position(0, 0, 0, 300);
        int classic = ReplenishmentPolicy.suggest(flat(10, 1), burst, SUPPLY, new Settings(0.95, 1, 1)).quantity();
        int smoothed = ReplenishmentPolicy.suggest(flat(10, 1), burst, SUPPLY, new Settings(0.95, 1, 4)).quantity();
        assertThat(smoothed).isLessThan(classic / 2);
    }

    @PropertyTest(tries = 500)
    void quantitiesRespectMinimumAndPackSize(Draw draw) {
        double raw = draw.between(0.0, 10000);
        int minimum = draw.between(0, 500);
        int pack = draw.between(1, 48);

        int quantity = ReplenishmentPolicy.roundToSupply(raw, new Supply(5, 1, minimum, pack));
        assertThat(quantity % pack).isZero();
        assertThat(quantity).isGreaterThanOrEqualTo(Math.max(minimum, 1)).isGreaterThanOrEqualTo((int) Math.floor(raw));
        assertThat((double) quantity).isLessThan(Math.max(Math.ceil(raw), Math.max(minimum, 1)) + pack);
    }

    @Test
    void inTheBacktestThePlannerDampensTheBullwhipAndOutservesReplacingSales() {
        for (long seed = 1; seed <= 3; seed++) {
            var results = Backtest.compare(DemandScenario.standard(seed));
            var planner = results.get(0);
            var orderWhatWasSold = results.get(1);
            var fixedReorderPoint = results.get(2);
            assertThat(planner.bullwhip()).as("seed %d", seed).isLessThan(fixedReorderPoint.bullwhip() / 5);
            assertThat(planner.fillRate()).as("seed %d", seed).isGreaterThan(orderWhatWasSold.fillRate());
            assertThat(planner.fillRate()).as("seed %d", seed).isGreaterThan(0.9);
        }
    }
}
