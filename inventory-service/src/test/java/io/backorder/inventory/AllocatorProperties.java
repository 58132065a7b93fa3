package io.backorder.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.backorder.inventory.PriorityPolicy.Ranked;
import io.backorder.inventory.QueueScenarios.Scenario;
import io.backorder.property.Draw;
import io.backorder.property.PropertyTest;

/** The allocation rules hold for any queue, any free stock and any mix of ship-complete orders. */
class AllocatorProperties {

    @PropertyTest
    void unitsAreConservedAndNeverOverAllocated(Draw draw) {
        Scenario scenario = QueueScenarios.scenario(draw);
        Allocator.Result result = scenario.allocate();

        Map<String, Integer> granted = grantedBySku(result);
        for (String sku : QueueScenarios.SKUS) {
            int free = scenario.free().get(sku);
            assertThat(granted.getOrDefault(sku, 0)).as("granted %s", sku).isLessThanOrEqualTo(free);
            assertThat(granted.getOrDefault(sku, 0) + result.unallocated().get(sku)).as("conserved %s", sku)
                    .isEqualTo(free);
        }
    }

    @PropertyTest
    void onlyWaitingLinesGetUnitsAndNoMoreThanTheyWaitFor(Draw draw) {
        Scenario scenario = QueueScenarios.scenario(draw);
        Allocator.Result result = scenario.allocate();

        Map<UUID, Integer> perLine = grantedByLine(result);
        assertThat(result.grants()).allSatisfy(grant -> assertThat(grant.units()).isPositive());
        for (WaitingLine line : scenario.lines()) {
            int units = perLine.getOrDefault(line.lineId(), 0);
            if (line.status() != LineStatus.BACKORDERED) {
                assertThat(units).as("a %s line gets nothing", line.status()).isZero();
            }
            assertThat(units).isLessThanOrEqualTo(line.waiting());
        }
    }

    @PropertyTest
    void partialAllocationOnlyWhereTheOrderAcceptsIt(Draw draw) {
        Scenario scenario = QueueScenarios.scenario(draw);
        Allocator.Result result = scenario.allocate();

        assertThat(result.grants())
                .filteredOn(grant -> grant.units() < grant.line().waiting())
                .allSatisfy(grant -> assertThat(grant.line().shipComplete()).isFalse());
    }

    @PropertyTest
    void shipCompleteOrdersAreCompletedWholeOrNotAtAll(Draw draw) {
        Scenario scenario = QueueScenarios.scenario(draw);
        Allocator.Result result = scenario.allocate();

        Map<UUID, Integer> perLine = grantedByLine(result);
        Map<UUID, List<WaitingLine>> orders = shipCompleteWaiting(scenario);
        orders.forEach((orderId, lines) -> {
            boolean any = lines.stream().anyMatch(line -> perLine.containsKey(line.lineId()));
            boolean all = lines.stream().allMatch(line -> perLine.getOrDefault(line.lineId(), 0) == line.waiting());
            assertThat(!any || all).as("order %s all or nothing", orderId).isTrue();
            if (scenario.ordersWaitingElsewhere().contains(orderId)) {
                assertThat(any).as("order %s waits for other SKUs too", orderId).isFalse();
            }
        });
    }

    /**
     * Higher score first, FIFO within a tie: a line further back only gets units when every line ahead of it for the
     * same SKU is complete, except ship-complete lines held because their order cannot be completed. A ship-complete
     * order is served as a whole at the turn of its highest-ranked line.
     */
    @PropertyTest
    void linesAheadAreServedFirstExceptShipCompleteHolds(Draw draw) {
        Scenario scenario = QueueScenarios.scenario(draw);
        Allocator.Result result = scenario.allocate();

        Map<UUID, Integer> perLine = grantedByLine(result);
        Set<UUID> completedOrders = completedShipCompleteOrders(scenario, perLine);
        List<Ranked> queue = scenario.ranked().stream().filter(r -> r.line().isWaiting()).toList();
        Map<UUID, Integer> orderTurn = new HashMap<>();
        for (int i = 0; i < queue.size(); i++) {
            orderTurn.putIfAbsent(queue.get(i).line().orderId(), i);
        }
        for (int behind = 0; behind < queue.size(); behind++) {
            WaitingLine later = queue.get(behind).line();
            if (!perLine.containsKey(later.lineId())) {
                continue;
            }
            int turn = later.shipComplete() ? orderTurn.get(later.orderId()) : behind;
            for (int ahead = 0; ahead < turn; ahead++) {
                WaitingLine earlier = queue.get(ahead).line();
                if (!earlier.sku().equals(later.sku())
                        || earlier.shipComplete() && !completedOrders.contains(earlier.orderId())) {
                    continue; // another queue, or held: its order cannot ship, so its units went on
                }
                assertThat(perLine.getOrDefault(earlier.lineId(), 0)).as("%s ahead of %s", earlier.lineId(),
                        later.lineId()).isEqualTo(earlier.waiting());
            }
        }
    }

    /** Checked against the scores themselves, not against the queue order the allocator uses. */
    @PropertyTest
    void aLowerScoreOrALaterArrivalIsNeverServedBeforeAnother(Draw draw) {
        Scenario scenario = QueueScenarios.scenario(draw);
        Allocator.Result result = scenario.allocate();

        Map<UUID, Integer> perLine = grantedByLine(result);
        List<Ranked> partialAllowed = scenario.ranked()
                .stream()
                .filter(r -> r.line().isWaiting() && !r.line().shipComplete())
                .toList();
        for (Ranked served : partialAllowed) {
            if (!perLine.containsKey(served.line().lineId())) {
                continue;
            }
            for (Ranked other : partialAllowed) {
                boolean sameSku = other.line().sku().equals(served.line().sku());
                boolean higher = other.score().total() > served.score().total();
                boolean tieButEarlier = other.score().total() == served.score().total()
                        && (other.line().orderedAt().isBefore(served.line().orderedAt())
                                || other.line().orderedAt().equals(served.line().orderedAt())
                                        && other.line().queueSeq() < served.line().queueSeq());
                if (sameSku && (higher || tieButEarlier)) {
                    assertThat(perLine.getOrDefault(other.line().lineId(), 0))
                            .as("%s (score %s) before %s (score %s)", other.line().lineId(), other.score().total(),
                                    served.line().lineId(), served.score().total())
                            .isEqualTo(other.line().waiting());
                }
            }
        }
    }

    /** No unit stays free while a line that could take it waits. */
    @PropertyTest
    void freeUnitsRemainOnlyWhenNobodyCanTakeThem(Draw draw) {
        Scenario scenario = QueueScenarios.scenario(draw);
        Allocator.Result result = scenario.allocate();

        Map<UUID, Integer> perLine = grantedByLine(result);
        for (WaitingLine line : scenario.lines()) {
            if (line.isWaiting() && !line.shipComplete() && result.unallocated().get(line.sku()) > 0) {
                assertThat(perLine.getOrDefault(line.lineId(), 0)).as("line %s", line.lineId())
                        .isEqualTo(line.waiting());
            }
        }
        Set<UUID> completed = completedShipCompleteOrders(scenario, perLine);
        shipCompleteWaiting(scenario).forEach((orderId, lines) -> {
            if (completed.contains(orderId) || scenario.ordersWaitingElsewhere().contains(orderId)) {
                return;
            }
            Map<String, Integer> need = new HashMap<>();
            lines.forEach(line -> need.merge(line.sku(), line.waiting(), Integer::sum));
            // Free units only shrink during the run: short now means short at the order's turn too.
            assertThat(need.entrySet()).as("held order %s", orderId)
                    .anySatisfy(entry -> assertThat(result.unallocated().get(entry.getKey()))
                            .isLessThan(entry.getValue()));
        });
    }

    @PropertyTest
    void holdsAreOnlyForShipCompleteLinesThatGotNothing(Draw draw) {
        Scenario scenario = QueueScenarios.scenario(draw);
        Allocator.Result result = scenario.allocate();

        Map<UUID, Integer> perLine = grantedByLine(result);
        assertThat(result.holds()).allSatisfy(hold -> {
            assertThat(hold.ranked().line().shipComplete()).isTrue();
            assertThat(perLine).doesNotContainKey(hold.ranked().line().lineId());
            assertThat(hold.reason()).startsWith("held:");
        });
    }

    private static Map<String, Integer> grantedBySku(Allocator.Result result) {
        return result.grants()
                .stream()
                .collect(Collectors.groupingBy(grant -> grant.line().sku(),
                        Collectors.summingInt(Allocator.Grant::units)));
    }

    private static Map<UUID, Integer> grantedByLine(Allocator.Result result) {
        return result.grants()
                .stream()
                .collect(Collectors.groupingBy(grant -> grant.line().lineId(),
                        Collectors.summingInt(Allocator.Grant::units)));
    }

    private static Map<UUID, List<WaitingLine>> shipCompleteWaiting(Scenario scenario) {
        return scenario.lines()
                .stream()
                .filter(line -> line.shipComplete() && line.isWaiting())
                .collect(Collectors.groupingBy(WaitingLine::orderId));
    }

    private static Set<UUID> completedShipCompleteOrders(Scenario scenario, Map<UUID, Integer> perLine) {
        return shipCompleteWaiting(scenario).entrySet()
                .stream()
                .filter(entry -> entry.getValue().stream().allMatch(line -> perLine.containsKey(line.lineId())))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
