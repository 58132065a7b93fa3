package io.backorder.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backorder.supplier.Offer.Mode;

/** Supplier choice over prices, quantity breaks, lead times, urgent clauses, currencies and reliability. */
class SupplierChooserTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 3);
    static final ChoicePolicy POLICY = new ChoicePolicy("EUR", Map.of("USD", new BigDecimal("0.90")), 0.5, 0.9, 5,
            3, new BigDecimal("2.00"), new BigDecimal("25"));

    final SupplierChooser chooser = new SupplierChooser(POLICY);

    @Test
    void theCheapestAgreementThatMeetsTheDateWins() {
        Choice choice = chooser.replenish(demand(100, 20), List.of(
                candidate(terms("dear", "10.00", 5)),
                candidate(terms("cheap", "8.00", 10)),
                candidate(terms("cheapest-but-late", "6.00", 30))));

        assertThat(choice.chosen().supplierId()).isEqualTo("cheap");
        assertThat(choice.chosen().mode()).isEqualTo(Mode.STANDARD);
        assertThat(choice.chosen().landedCost()).isEqualByComparingTo("800.00");
        assertThat(choice.chosen().arrival()).isEqualTo(TODAY.plusDays(10));
        assertThat(choice.reasons()).anySatisfy(reason -> assertThat(reason).contains("Cheapest standard offer"));
        assertThat(choice.reasons()).anySatisfy(reason -> assertThat(reason).startsWith("Next best: dear"));
        assertThat(choice.offers()).hasSize(3);
    }

    @Test
    void quantityBreaksMinimumOrderAndPackSizeSetPriceAndQuantity() {
        Terms breaks = withBreaks(terms("breaks", "10.00", 5), new PriceBreak(100, new BigDecimal("7.00")));
        Terms flat = terms("flat", "8.00", 5);

        // 90 units: the break is not reached, flat is cheaper
        assertThat(chooser.replenish(demand(90, 20), List.of(candidate(breaks), candidate(flat)))
                .chosen()
                .supplierId()).isEqualTo("flat");
        // 100 units reach the break at 7.00
        assertThat(chooser.replenish(demand(100, 20), List.of(candidate(breaks), candidate(flat)))
                .chosen()
                .supplierId()).isEqualTo("breaks");

        Terms packed = new Terms(UUID.randomUUID(), "packed", "SKU", "EUR", new BigDecimal("1.00"), List.of(), 5, 50,
                12, BigDecimal.ZERO, null, null, false, null, null);
        Offer offer = chooser.replenish(demand(7, 20), List.of(candidate(packed))).chosen();
        assertThat(offer.quantity()).isEqualTo(60);
        assertThat(offer.landedCost()).isEqualByComparingTo("60.00");
    }

    @Test
    void perOrderCostsCountTowardsLandedCost() {
        Terms cheapUnitsDearFreight = new Terms(UUID.randomUUID(), "freight", "SKU", "EUR", new BigDecimal("4.00"),
                List.of(), 5, 1, 1, new BigDecimal("100.00"), null, null, false, null, null);
        Choice choice = chooser.replenish(demand(10, 20), List.of(candidate(cheapUnitsDearFreight),
                candidate(terms("plain", "9.00", 5))));

        assertThat(choice.chosen().supplierId()).isEqualTo("plain");
    }

    @Test
    void foreignCurrenciesAreComparedInTheBaseCurrencyAndUnknownOnesAreExcluded() {
        Terms dollars = new Terms(UUID.randomUUID(), "us", "SKU", "USD", new BigDecimal("10.00"), List.of(), 5, 1, 1,
                BigDecimal.ZERO, null, null, false, null, null);
        Terms pounds = new Terms(UUID.randomUUID(), "uk", "SKU", "GBP", new BigDecimal("1.00"), List.of(), 5, 1, 1,
                BigDecimal.ZERO, null, null, false, null, null);
        Choice choice = chooser.replenish(demand(10, 20), List.of(candidate(dollars), candidate(pounds),
                candidate(terms("eu", "9.50", 5))));

        assertThat(choice.chosen().supplierId()).isEqualTo("us");
        assertThat(choice.chosen().landedCostBase()).isEqualByComparingTo("90.00");
        assertThat(choice.offers()).filteredOn(o -> o.supplierId().equals("uk"))
                .allSatisfy(o -> assertThat(o.exclusion()).contains("no exchange rate from GBP"));
    }

    @Test
    void theUrgentClauseIsUsedOnlyWhenNoStandardLeadTimeMeetsTheDate() {
        Terms urgent = withUrgent(terms("fast", "10.00", 10), 3, "20");
        Terms slow = terms("slow", "12.00", 6);

        Choice relaxed = chooser.replenish(demand(10, 12), List.of(candidate(urgent), candidate(slow)));
        assertThat(relaxed.chosen().supplierId()).isEqualTo("fast");
        assertThat(relaxed.chosen().mode()).isEqualTo(Mode.STANDARD);

        Choice tight = chooser.replenish(demand(10, 7), List.of(candidate(urgent), candidate(slow)));
        assertThat(tight.chosen().supplierId()).isEqualTo("slow");
        assertThat(tight.chosen().mode()).isEqualTo(Mode.STANDARD);

        Choice urgentOnly = chooser.replenish(demand(10, 4), List.of(candidate(urgent), candidate(slow)));
        assertThat(urgentOnly.chosen().supplierId()).isEqualTo("fast");
        assertThat(urgentOnly.chosen().mode()).isEqualTo(Mode.URGENT);
        assertThat(urgentOnly.chosen().unitPrice()).isEqualByComparingTo("12.00");
        assertThat(urgentOnly.chosen().arrival()).isEqualTo(TODAY.plusDays(3));
        assertThat(urgentOnly.reasons()).anySatisfy(r -> assertThat(r).contains("used the urgent clause"));
    }

    @Test
    void whenNothingMeetsTheDateTheEarliestArrivalWinsAndUrgentClausesCountOnlyForUrgentRequests() {
        Terms urgent = withUrgent(terms("fast", "10.00", 10), 5, "50");
        Terms slow = terms("slow", "8.00", 8);

        Choice calm = chooser.replenish(new Demand("SKU", 10, TODAY.plusDays(2), false, TODAY, Set.of()),
                List.of(candidate(urgent), candidate(slow)));
        assertThat(calm.chosen().supplierId()).isEqualTo("slow");
        assertThat(calm.chosen().meetsNeedBy()).isFalse();

        Choice pressing = chooser.replenish(new Demand("SKU", 10, TODAY.plusDays(2), true, TODAY, Set.of()),
                List.of(candidate(urgent), candidate(slow)));
        assertThat(pressing.chosen().supplierId()).isEqualTo("fast");
        assertThat(pressing.chosen().mode()).isEqualTo(Mode.URGENT);
        assertThat(pressing.reasons()).anySatisfy(r -> assertThat(r).contains("No offer arrives by"));
    }

    @Test
    void anUnreliableSupplierPaysForItsLateDeliveries() {
        Reliability unreliable = new Reliability(20, 10, 1.0);
        Reliability reliable = new Reliability(20, 20, 0.0);
        Choice choice = chooser.replenish(demand(10, 30), List.of(
                new Candidate(terms("late-often", "10.00", 5), true, unreliable),
                new Candidate(terms("on-time", "11.00", 5), true, reliable)));

        // late-often: 100 * (1 + 0.5 * (1 - (10 + 4.5) / 25)) = 121; on-time: 110 * (1 + 0.5 * 0.02) = 111.1
        assertThat(choice.chosen().supplierId()).isEqualTo("on-time");
        assertThat(choice.offers()).filteredOn(o -> o.supplierId().equals("late-often"))
                .singleElement()
                .satisfies(o -> assertThat(o.adjustedCost()).isEqualByComparingTo("121.00"));
    }

    @Test
    void aSupplierThatUsuallySlipsIsExpectedLater() {
        Reliability slips = new Reliability(10, 2, 4.2);
        Choice choice = chooser.replenish(demand(10, 8), List.of(
                new Candidate(terms("slipper", "5.00", 5), true, slips),
                new Candidate(terms("steady", "9.00", 7), true, Reliability.UNKNOWN)));

        assertThat(choice.chosen().supplierId()).isEqualTo("steady");
        assertThat(choice.offers()).filteredOn(o -> o.supplierId().equals("slipper"))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.expectedSlipDays()).isEqualTo(5);
                    assertThat(o.expectedArrival()).isEqualTo(TODAY.plusDays(10));
                    assertThat(o.meetsNeedBy()).isFalse();
                });
    }

    @Test
    void inactiveAndExcludedSuppliersAreNotChosenAndSayWhy() {
        Demand demand = new Demand("SKU", 10, TODAY.plusDays(20), false, TODAY, Set.of("declined"));
        Choice choice = chooser.replenish(demand, List.of(
                candidate(terms("declined", "1.00", 5)),
                new Candidate(terms("asleep", "2.00", 5), false, Reliability.UNKNOWN),
                candidate(terms("left", "9.00", 5))));

        assertThat(choice.chosen().supplierId()).isEqualTo("left");
        assertThat(choice.reasons()).contains("Excluded asleep standard: supplier is inactive");
        assertThat(choice.reasons()).anySatisfy(r -> assertThat(r).startsWith("Excluded declined standard"));

        Choice none = chooser.replenish(demand, List.of(candidate(terms("declined", "1.00", 5))));
        assertThat(none.chosenOffer()).isEmpty();
        assertThat(none.reasons()).first().asString().contains("excluded");
        assertThat(chooser.replenish(demand, List.of()).reasons()).first().asString().contains("No agreement");
    }

    @Test
    void aFasterDropshipWithinThePremiumBeatsWaiting() {
        Terms stock = terms("stock", "10.00", 10);
        Terms dropship = withDropship(terms("direct", "11.00", 10), 3, "2.00");
        // waiting: (10 + 2) * 2 = 24; dropship: 22 + 2 = 24
        Choice choice = chooser.dropship(backorder(2, 14), List.of(candidate(stock), candidate(dropship)));

        assertThat(choice.chosen().supplierId()).isEqualTo("direct");
        assertThat(choice.chosen().mode()).isEqualTo(Mode.DROPSHIP);
        assertThat(choice.chosen().quantity()).isEqualTo(2);
        assertThat(choice.chosen().arrival()).isEqualTo(TODAY.plusDays(3));
        assertThat(choice.reasons()).anySatisfy(r -> assertThat(r).startsWith("Faster than waiting"));
    }

    @Test
    void aDropshipTooExpensiveOrNotBetterKeepsTheLineWaiting() {
        Terms stock = terms("stock", "10.00", 10);
        Terms pricey = withDropship(terms("pricey", "20.00", 10), 3, "5.00");
        Choice expensive = chooser.dropship(backorder(2, 14), List.of(candidate(stock), candidate(pricey)));
        assertThat(expensive.chosenOffer()).isEmpty();
        assertThat(expensive.reasons()).anySatisfy(r -> assertThat(r).startsWith("Kept waiting"));

        Terms slowButCheap = withDropship(terms("slow", "5.00", 10), 20, "0.00");
        Choice tooLate = chooser.dropship(backorder(2, 14), List.of(candidate(stock), candidate(slowButCheap)));
        assertThat(tooLate.chosenOffer()).isEmpty();

        Choice cheaperInTime = chooser.dropship(backorder(2, 25), List.of(candidate(stock),
                candidate(slowButCheap)));
        assertThat(cheaperInTime.chosen().supplierId()).isEqualTo("slow");
        assertThat(cheaperInTime.reasons()).anySatisfy(r -> assertThat(r).startsWith("Faster than waiting"));

        Terms sameDay = withDropship(terms("same", "5.00", 10), 11, "0.00");
        Choice cheaperNotFaster = chooser.dropship(backorder(2, 11), List.of(candidate(stock), candidate(sameDay)));
        assertThat(cheaperNotFaster.chosen().supplierId()).isEqualTo("same");
        assertThat(cheaperNotFaster.reasons()).anySatisfy(r -> assertThat(r).startsWith("Cheaper than waiting"));

        assertThat(chooser.dropship(backorder(2, 14), List.of(candidate(stock))).reasons()).first()
                .asString()
                .contains("No dropship-capable agreement");
    }

    static Demand demand(int quantity, int needByDays) {
        return new Demand("SKU", quantity, TODAY.plusDays(needByDays), false, TODAY, Set.of());
    }

    static Demand backorder(int quantity, int promiseInDays) {
        return new Demand("SKU", quantity, TODAY.plusDays(promiseInDays), false, TODAY, Set.of());
    }

    static Candidate candidate(Terms terms) {
        return new Candidate(terms, true, Reliability.UNKNOWN);
    }

    static Terms terms(String supplier, String price, int leadTime) {
        return new Terms(UUID.randomUUID(), supplier, "SKU", "EUR", new BigDecimal(price), List.of(), leadTime, 1, 1,
                BigDecimal.ZERO, null, null, false, null, null);
    }

    static Terms withBreaks(Terms t, PriceBreak... breaks) {
        return new Terms(t.agreementId(), t.supplierId(), t.sku(), t.currency(), t.unitPrice(), List.of(breaks),
                t.leadTimeDays(), t.minOrderQuantity(), t.packSize(), t.orderCost(), t.urgentLeadTimeDays(),
                t.urgentSurchargePercent(), t.dropship(), t.dropshipLeadTimeDays(), t.dropshipFee());
    }

    static Terms withUrgent(Terms t, int leadTime, String surchargePercent) {
        return new Terms(t.agreementId(), t.supplierId(), t.sku(), t.currency(), t.unitPrice(), t.priceBreaks(),
                t.leadTimeDays(), t.minOrderQuantity(), t.packSize(), t.orderCost(), leadTime,
                new BigDecimal(surchargePercent), t.dropship(), t.dropshipLeadTimeDays(), t.dropshipFee());
    }

    static Terms withDropship(Terms t, int leadTime, String fee) {
        return new Terms(t.agreementId(), t.supplierId(), t.sku(), t.currency(), t.unitPrice(), t.priceBreaks(),
                t.leadTimeDays(), t.minOrderQuantity(), t.packSize(), t.orderCost(), t.urgentLeadTimeDays(),
                t.urgentSurchargePercent(), true, leadTime, new BigDecimal(fee));
    }
}
