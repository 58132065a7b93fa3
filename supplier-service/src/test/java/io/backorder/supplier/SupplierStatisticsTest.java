package io.backorder.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SupplierStatisticsTest {

    static final LocalDate ISSUED = LocalDate.of(2025, 1, 1);

    @Test
    void promisedVersusActualGivesOnTimeRateSlipFillRateAndLeadTimes() {
        List<DeliveryOutcome> outcomes = List.of(
                outcome(10, 9, 100, 100), // early, complete, lead 9
                outcome(10, 10, 50, 50), // on the day, complete, lead 10
                outcome(10, 14, 20, 20), // 4 days late, complete, lead 14
                outcome(10, 13, 40, 30), // 3 days late, short: not complete
                new DeliveryOutcome("s", "SKU", ISSUED, ISSUED.plusDays(10), null, 10, 0)); // declined

        SupplierStatistics statistics = SupplierStatistics.of(outcomes);

        assertThat(statistics.settledLines()).isEqualTo(5);
        assertThat(statistics.deliveredLines()).isEqualTo(4);
        assertThat(statistics.onTimeRate()).isEqualTo(0.5);
        assertThat(statistics.averageSlipDays()).isEqualTo(7.0 / 4);
        assertThat(statistics.fillRate()).isCloseTo(200.0 / 220, within(1e-9));
        assertThat(statistics.leadTimeMeanDays()).isEqualTo(11.0);
        // sample standard deviation of 9, 10, 14: sqrt((4 + 1 + 9) / 2)
        assertThat(statistics.leadTimeStdDevDays()).isCloseTo(Math.sqrt(7), within(1e-9));
        assertThat(statistics.reliability()).isEqualTo(new Reliability(4, 2, 1.75));
    }

    @Test
    void overDeliveryDoesNotFillMoreThanOrderedAndNoHistoryMeansNoFigures() {
        SupplierStatistics over = SupplierStatistics.of(List.of(outcome(5, 5, 10, 15)));
        assertThat(over.fillRate()).isEqualTo(1.0);
        assertThat(over.leadTimeStdDevDays()).isNull();

        SupplierStatistics none = SupplierStatistics.of(List.of());
        assertThat(none.onTimeRate()).isNull();
        assertThat(none.fillRate()).isNull();
        assertThat(none.leadTimeMeanDays()).isNull();
        assertThat(none.reliability()).isEqualTo(new Reliability(0, 0, 0));
    }

    @Test
    void reliabilityStartsFromThePriorAndSlipCountsOnlyWithHistory() {
        assertThat(Reliability.UNKNOWN.onTimeRate(0.9, 5)).isEqualTo(0.9);
        assertThat(new Reliability(5, 0, 3.2).onTimeRate(0.9, 5)).isEqualTo(0.45);
        assertThat(new Reliability(2, 0, 3.2).expectedSlipDays(3)).isZero();
        assertThat(new Reliability(3, 0, 3.2).expectedSlipDays(3)).isEqualTo(4);
    }

    static DeliveryOutcome outcome(int promisedDay, int deliveredDay, int ordered, int delivered) {
        return new DeliveryOutcome("s", "SKU", ISSUED, ISSUED.plusDays(promisedDay), ISSUED.plusDays(deliveredDay),
                ordered, delivered);
    }
}
