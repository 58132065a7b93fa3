package io.backorder.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.inventory.PromiseCalculator.Position;
import io.backorder.inventory.PromiseCalculator.Promise;
import io.backorder.inventory.PromiseCalculator.Supply;
import io.backorder.property.Draw;
import io.backorder.property.PropertyTest;

class PromiseCalculatorTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 5, 3);
    private static final int LEAD_TIME = 14;

    @Test
    void freeStockThenConfirmedThenUnconfirmedSupplyThenLeadTime() {
        List<Supply> supply = List.of(new Supply(TODAY.plusDays(20), 2, false), new Supply(TODAY.plusDays(10), 3,
                true));

        List<Promise> promises = PromiseCalculator.promiseQueue(List.of(1, 2, 2, 1, 1),
                new Position(1, supply, TODAY, LEAD_TIME, null));

        assertThat(promises).containsExactly(
                new Promise(TODAY.plusDays(1), PromiseConfidence.HIGH),
                new Promise(TODAY.plusDays(11), PromiseConfidence.HIGH),
                new Promise(TODAY.plusDays(21), PromiseConfidence.MEDIUM),
                new Promise(TODAY.plusDays(21), PromiseConfidence.MEDIUM),
                new Promise(TODAY.plusDays(21), PromiseConfidence.LOW));
    }

    @Test
    void unitsBeyondAllSupplyAreNeverPromisedBeforeTheUnitsAheadOfThem() {
        List<Promise> promises = PromiseCalculator.promiseQueue(List.of(5, 1),
                new Position(0, List.of(new Supply(TODAY.plusDays(40), 5, true)), TODAY, LEAD_TIME, null));

        assertThat(promises.get(1)).isEqualTo(new Promise(TODAY.plusDays(41), PromiseConfidence.LOW));
    }

    @Test
    void overdueSupplyIsExpectedTodayAndPreordersWaitForTheLaunch() {
        LocalDate launch = TODAY.plusDays(30);
        List<Supply> overdue = List.of(new Supply(TODAY.minusDays(3), 10, true));

        assertThat(PromiseCalculator.promise(1, new Position(0, overdue, TODAY, LEAD_TIME, null)).date())
                .isEqualTo(TODAY.plusDays(1));
        assertThat(PromiseCalculator.promise(1, new Position(0, overdue, TODAY, LEAD_TIME, launch)).date())
                .isEqualTo(launch);
    }

    /** Units wanted by each line of a backorder queue, in queue order. */
    private static List<Integer> queue(Draw draw) {
        return draw.list(0, 30, () -> draw.between(1, 8));
    }

    /** Open purchase order lines, some overdue, one in ten without an ETA. */
    private static List<Supply> supplies(Draw draw, int minSize) {
        return draw.list(minSize, 6, () -> {
            LocalDate eta = draw.chance(0.1) ? null : TODAY.plusDays(draw.between(-5, 60));
            return new Supply(eta, draw.between(0, 10), draw.bool());
        });
    }

    @PropertyTest
    void promisesFollowTheQueueAndNeverComeBeforeHandlingOrLaunch(Draw draw) {
        List<Integer> queue = queue(draw);
        int free = draw.between(0, 10);
        List<Supply> supply = supplies(draw, 0);
        int launchInDays = draw.between(-1, 90);

        LocalDate launch = launchInDays < 0 ? null : TODAY.plusDays(launchInDays);

        List<Promise> promises = PromiseCalculator.promiseQueue(queue, new Position(free, supply, TODAY, LEAD_TIME,
                launch));

        assertThat(promises).hasSize(queue.size());
        for (int i = 0; i < promises.size(); i++) {
            assertThat(promises.get(i).date()).isAfterOrEqualTo(TODAY.plusDays(PromiseCalculator.HANDLING_DAYS));
            if (launch != null) {
                assertThat(promises.get(i).date()).isAfterOrEqualTo(launch);
            }
            if (i > 0) {
                assertThat(promises.get(i).date()).isAfterOrEqualTo(promises.get(i - 1).date());
            }
        }
    }

    /**
     * Supply due within the lead time never makes a promise later. (Supply due after it may: a line that was
     * promised on the standard lead time is then promised on the purchase order that will actually cover it.)
     */
    @PropertyTest
    void moreSupplyWithinTheLeadTimeNeverMakesAPromiseLater(Draw draw) {
        List<Integer> queue = queue(draw);
        List<Supply> supply = supplies(draw, 0);
        List<Supply> more = new ArrayList<>(supply);
        more.add(new Supply(TODAY.plusDays(draw.between(0, LEAD_TIME - 1)), draw.between(1, 10), true));

        List<Promise> before = PromiseCalculator.promiseQueue(queue, new Position(0, supply, TODAY, LEAD_TIME, null));
        List<Promise> after = PromiseCalculator.promiseQueue(queue, new Position(0, more, TODAY, LEAD_TIME, null));

        for (int i = 0; i < queue.size(); i++) {
            assertThat(after.get(i).date()).isBeforeOrEqualTo(before.get(i).date());
        }
    }

    /**
     * An ETA slip moves exactly the affected lines: nothing promised before the slipped supply's old date moves, and
     * nothing moves earlier.
     */
    @PropertyTest
    void anEtaSlipMovesOnlyLinesThatDependedOnTheSlippedSupply(Draw draw) {
        List<Integer> queue = queue(draw);
        List<Supply> supply = supplies(draw, 1);
        int index = draw.between(0, 5) % supply.size();
        Supply old = supply.get(index);
        if (old.eta() == null) {
            return;
        }
        List<Supply> later = new ArrayList<>(supply);
        later.set(index, new Supply(old.eta().plusDays(draw.between(1, 30)), old.openQuantity(), old.confirmed()));

        List<Promise> before = PromiseCalculator.promiseQueue(queue, new Position(0, supply, TODAY, LEAD_TIME, null));
        List<Promise> after = PromiseCalculator.promiseQueue(queue, new Position(0, later, TODAY, LEAD_TIME, null));

        LocalDate oldArrival = (old.eta().isBefore(TODAY) ? TODAY : old.eta()).plusDays(
                PromiseCalculator.HANDLING_DAYS);
        for (int i = 0; i < queue.size(); i++) {
            assertThat(after.get(i).date()).isAfterOrEqualTo(before.get(i).date());
            if (before.get(i).date().isBefore(oldArrival)) {
                assertThat(after.get(i)).as("line %d did not wait for the slipped supply", i).isEqualTo(before.get(i));
            }
        }
    }
}
