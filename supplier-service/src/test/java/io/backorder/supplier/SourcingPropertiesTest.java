package io.backorder.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.backorder.property.Draw;
import io.backorder.property.PropertyTest;
import io.backorder.supplier.Offer.Mode;

/** Properties of order quantities, prices, supplier choice and statistics over generated input. */
class SourcingPropertiesTest {

    static final LocalDate TODAY = SupplierChooserTest.TODAY;
    final SupplierChooser chooser = new SupplierChooser(SupplierChooserTest.POLICY);

    @PropertyTest
    void theOrderQuantityCoversRequestAndMinimumInWholePacks(Draw draw) {
        int requested = draw.between(1, 100000);
        int minimum = draw.between(1, 5000);
        int pack = draw.between(1, 500);
        Terms terms = new Terms(UUID.randomUUID(), "s", "SKU", "EUR", BigDecimal.ONE, List.of(), 1, minimum, pack,
                BigDecimal.ZERO, null, null, false, null, null);

        int quantity = terms.orderQuantity(requested);

        assertThat(quantity).isGreaterThanOrEqualTo(requested).isGreaterThanOrEqualTo(minimum);
        assertThat(quantity % pack).isZero();
        assertThat(quantity - pack).isLessThan(Math.max(requested, minimum));
    }

    @PropertyTest
    void aLargerOrderNeverCostsMorePerUnit(Draw draw) {
        Terms terms = new Terms(UUID.randomUUID(), "s", "SKU", "EUR", new BigDecimal("100.00"), priceBreaks(draw), 1,
                1, 1, BigDecimal.ZERO, null, null, false, null, null);
        int smaller = draw.between(1, 5000);
        int more = draw.between(0, 5000);

        assertThat(terms.unitPriceFor(smaller + more)).isLessThanOrEqualTo(terms.unitPriceFor(smaller));
    }

    @PropertyTest
    void theChoiceMeetsTheDateWhenAnyOfferDoesAtTheLowestRankedCost(Draw draw) {
        List<Candidate> candidates = candidates(draw);
        int quantity = draw.between(1, 500);
        boolean urgent = draw.bool();
        Demand demand = new Demand("SKU", quantity, TODAY.plusDays(draw.between(0, 40)), urgent, TODAY, Set.of());

        Choice choice = chooser.replenish(demand, candidates);

        List<Offer> eligible = choice.offers().stream().filter(Offer::eligible).toList();
        assertThat(choice.chosenOffer()).isPresent();
        Offer chosen = choice.chosen();
        assertThat(chosen.eligible()).isTrue();
        List<Offer> standardInTime = eligible.stream()
                .filter(o -> o.mode() == Mode.STANDARD && o.meetsNeedBy())
                .toList();
        if (!standardInTime.isEmpty()) {
            assertThat(chosen.mode()).isEqualTo(Mode.STANDARD);
            assertThat(chosen.meetsNeedBy()).isTrue();
            assertThat(standardInTime).allSatisfy(o -> assertThat(o.adjustedCost())
                    .isGreaterThanOrEqualTo(chosen.adjustedCost()));
        } else if (eligible.stream().anyMatch(Offer::meetsNeedBy)) {
            assertThat(chosen.mode()).isEqualTo(Mode.URGENT);
            assertThat(chosen.meetsNeedBy()).isTrue();
        } else {
            assertThat(chosen.meetsNeedBy()).isFalse();
            List<Offer> pool = urgent
                    ? eligible
                    : eligible.stream().filter(o -> o.mode() == Mode.STANDARD).toList();
            assertThat(pool).allSatisfy(o -> assertThat(o.expectedArrival()).isAfterOrEqualTo(chosen
                    .expectedArrival()));
        }
        assertThat(chosen.quantity()).isGreaterThanOrEqualTo(quantity);
        assertThat(choice.reasons()).isNotEmpty();
    }

    @PropertyTest
    void excludedSuppliersAreNeverChosen(Draw draw) {
        List<Candidate> candidates = candidates(draw);
        String excluded = candidates.get(draw.between(0, 5) % candidates.size()).terms().supplierId();
        Demand demand = new Demand("SKU", 10, TODAY.plusDays(10), false, TODAY, Set.of(excluded));

        Choice choice = chooser.replenish(demand, candidates);

        choice.chosenOffer().ifPresent(offer -> assertThat(offer.supplierId()).isNotEqualTo(excluded));
    }

    @PropertyTest
    void statisticsStayWithinTheirRanges(Draw draw) {
        SupplierStatistics statistics = SupplierStatistics.of(outcomes(draw));

        assertThat(statistics.deliveredLines()).isLessThanOrEqualTo(statistics.settledLines());
        assertThat(statistics.onTimeLines()).isLessThanOrEqualTo(statistics.deliveredLines());
        if (statistics.onTimeRate() != null) {
            assertThat(statistics.onTimeRate()).isBetween(0.0, 1.0);
            assertThat(statistics.averageSlipDays()).isGreaterThanOrEqualTo(0.0);
        }
        if (statistics.fillRate() != null) {
            assertThat(statistics.fillRate()).isBetween(0.0, 1.0);
        }
        if (statistics.leadTimeStdDevDays() != null) {
            assertThat(statistics.leadTimeStdDevDays()).isGreaterThanOrEqualTo(0.0);
        }
        double rate = statistics.reliability().onTimeRate(0.9, 5);
        assertThat(rate).isBetween(0.0, 1.0);
    }

    /** Up to five breaks at distinct quantities, each no dearer than the one before. */
    private static List<PriceBreak> priceBreaks(Draw draw) {
        List<Integer> quantities = draw.list(0, 5, () -> draw.between(2, 2000)).stream().distinct().sorted().toList();
        List<PriceBreak> breaks = new ArrayList<>();
        BigDecimal price = new BigDecimal("100.00");
        for (int quantity : quantities) {
            price = price.subtract(new BigDecimal(quantity % 7));
            breaks.add(new PriceBreak(quantity, price));
        }
        return breaks;
    }

    /** One to six candidates (a supplier may come twice), at least one of them active. */
    private static List<Candidate> candidates(Draw draw) {
        List<Candidate> candidates;
        do {
            candidates = draw.list(1, 6, () -> candidate(draw));
        } while (candidates.stream().noneMatch(Candidate::supplierActive));
        return candidates;
    }

    private static Candidate candidate(Draw draw) {
        String supplier = "s" + draw.between(0, 9);
        BigDecimal price = BigDecimal.valueOf(draw.between(50, 5000), 2);
        int leadTime = draw.between(1, 30);
        Integer urgentLead = draw.chance(0.4) ? null : draw.between(0, 30);
        Integer urgent = urgentLead == null || urgentLead >= leadTime ? null : urgentLead;
        Terms terms = new Terms(UUID.randomUUID(), supplier, "SKU", "EUR", price, List.of(), leadTime, 1, 1,
                BigDecimal.ZERO, urgent, urgent == null ? null : new BigDecimal("15"), false, null, null);
        int deliveries = draw.between(0, 10);
        int onTime = draw.between(0, 10);
        boolean active = draw.oneOf(true, true, true, false);
        return new Candidate(terms, active, new Reliability(deliveries, Math.min(onTime, deliveries),
                deliveries == 0 ? 0 : onTime % 4));
    }

    /** Up to 30 settled purchase order lines; one in five never delivered. */
    private static List<DeliveryOutcome> outcomes(Draw draw) {
        LocalDate issued = TODAY.minusDays(100);
        return draw.list(0, 30, () -> {
            LocalDate promised = issued.plusDays(draw.between(0, 60));
            LocalDate delivered = draw.chance(0.2) ? null : issued.plusDays(Math.max(0, draw.between(-10, 60)));
            int ordered = draw.between(1, 100);
            int units = draw.between(0, 150);
            return new DeliveryOutcome("s", "SKU", issued, promised, delivered, ordered, delivered == null ? 0 : units);
        });
    }
}
