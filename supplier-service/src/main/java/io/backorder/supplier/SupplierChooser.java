package io.backorder.supplier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.backorder.supplier.Offer.Mode;

/**
 * Decides where to buy. Every offer is priced at its landed cost in the base currency and ranked by that cost
 * raised for the supplier's late deliveries; its arrival is the promised lead time plus the supplier's usual slip.
 * Pure: everything it weighs is passed in, and every decision comes with its reasons.
 */
public final class SupplierChooser {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Cheapest after the reliability adjustment; earlier arrival, then supplier id, break ties. */
    private static final Comparator<Offer> CHEAPEST = Comparator.comparing(Offer::adjustedCost)
            .thenComparing(Offer::expectedArrival)
            .thenComparing(Offer::supplierId)
            .thenComparing(Offer::mode);
    private static final Comparator<Offer> EARLIEST = Comparator.comparing(Offer::expectedArrival)
            .thenComparing(CHEAPEST);

    private final ChoicePolicy policy;

    public SupplierChooser(ChoicePolicy policy) {
        this.policy = policy;
    }

    /**
     * Buys stock for a replenishment request. The cheapest standard offer that arrives by the need-by date wins;
     * an urgent clause is used only when no standard lead time meets the date. When nothing meets it, the earliest
     * arrival wins, counting urgent clauses only for an urgent request (paying a surcharge to be less late is
     * worth it only when customers already wait).
     */
    public Choice replenish(Demand demand, List<Candidate> candidates) {
        List<Offer> offers = new ArrayList<>();
        for (Candidate candidate : candidates) {
            offers.add(offer(demand, candidate, Mode.STANDARD));
            if (candidate.terms().hasUrgentClause()) {
                offers.add(offer(demand, candidate, Mode.URGENT));
            }
        }
        List<String> reasons = new ArrayList<>();
        List<Offer> eligible = offers.stream().filter(Offer::eligible).toList();
        if (eligible.isEmpty()) {
            reasons.add(nothingEligible(demand, candidates.isEmpty()));
            excluded(offers).forEach(reasons::add);
            return new Choice(null, offers, reasons);
        }
        Optional<Offer> standard = cheapest(eligible, o -> o.mode() == Mode.STANDARD && o.meetsNeedBy());
        Offer chosen;
        if (standard.isPresent()) {
            chosen = standard.get();
            reasons.add("Cheapest standard offer arriving by the need-by date " + demand.needBy() + " among "
                    + count(eligible, o -> o.mode() == Mode.STANDARD && o.meetsNeedBy()) + " that do");
        } else {
            Optional<Offer> urgent = cheapest(eligible, o -> o.mode() == Mode.URGENT && o.meetsNeedBy());
            String earliestStandard = earliest(eligible, o -> o.mode() == Mode.STANDARD)
                    .map(o -> String.valueOf(o.expectedArrival()))
                    .orElse("none");
            if (urgent.isPresent()) {
                chosen = urgent.get();
                reasons.add("No standard lead time arrives by the need-by date " + demand.needBy()
                        + " (earliest standard arrival " + earliestStandard + "); used the urgent clause");
            } else {
                List<Offer> pool = demand.urgent()
                        ? eligible
                        : eligible.stream().filter(o -> o.mode() == Mode.STANDARD).toList();
                chosen = pool.stream().min(EARLIEST).orElseThrow();
                reasons.add("No offer arrives by the need-by date " + demand.needBy()
                        + "; chose the earliest expected arrival" + (demand.urgent()
                                ? ", urgent clauses included because the request is urgent"
                                : " on standard terms because the request is not urgent"));
            }
        }
        reasons.add(describe(chosen));
        runnerUp(eligible, chosen).ifPresent(other -> reasons.add("Next best: " + describe(other)));
        excluded(offers).forEach(reasons::add);
        return new Choice(chosen, offers, reasons);
    }

    /**
     * Decides whether a backordered line should be shipped by a supplier straight to the customer instead of
     * waiting for stock. Waiting costs the cheapest standard unit price plus our own warehouse handling. A dropship
     * is taken when it is faster than the promise date at a cost at most the allowed premium above waiting, or
     * when it is cheaper than waiting and no later than the promise date.
     *
     * @param backorder a demand whose need-by date is the line's current promise date (null when unknown)
     */
    public Choice dropship(Demand backorder, List<Candidate> candidates) {
        List<Offer> offers = candidates.stream()
                .filter(c -> c.terms().dropship())
                .map(c -> offer(backorder, c, Mode.DROPSHIP))
                .toList();
        List<String> reasons = new ArrayList<>();
        List<Offer> eligible = offers.stream().filter(Offer::eligible).toList();
        if (eligible.isEmpty()) {
            reasons.add(offers.isEmpty()
                    ? "No dropship-capable agreement for " + backorder.sku() + " is valid on " + backorder.today()
                    : "No dropship-capable agreement can be used");
            excluded(offers).forEach(reasons::add);
            return new Choice(null, offers, reasons);
        }
        Optional<BigDecimal> waitingCost = waitingCost(backorder, candidates);
        reasons.add(waitingCost
                .map(cost -> "Waiting for stock costs " + money(cost) + " (cheapest standard unit price plus "
                        + money(policy.warehouseCostPerUnit()) + " warehouse handling per unit) until the promise date "
                        + (backorder.needBy() == null ? "(none yet)" : backorder.needBy()))
                .orElse("No standard agreement prices waiting for stock; only speed counts"));
        BigDecimal premiumFactor = BigDecimal.ONE.add(policy.dropshipMaxPremiumPercent().divide(HUNDRED));
        Predicate<Offer> faster = o -> backorder.needBy() == null || o.expectedArrival().isBefore(backorder.needBy());
        Predicate<Offer> affordable = o -> waitingCost.map(cost -> o.landedCostBase()
                .compareTo(cost.multiply(premiumFactor)) <= 0).orElse(true);
        Predicate<Offer> cheaper = o -> waitingCost.map(cost -> o.landedCostBase().compareTo(cost) <= 0)
                .orElse(false);
        Optional<Offer> chosen = cheapest(eligible,
                o -> faster.test(o) && affordable.test(o) || cheaper.test(o) && o.meetsNeedBy());
        if (chosen.isEmpty()) {
            Offer best = eligible.stream().min(EARLIEST).orElseThrow();
            reasons.add("Kept waiting: no dropship is faster than the promise date within the "
                    + policy.dropshipMaxPremiumPercent().stripTrailingZeros().toPlainString()
                    + "% premium, nor cheaper and in time; best was " + describe(best));
            excluded(offers).forEach(reasons::add);
            return new Choice(null, offers, reasons);
        }
        Offer offer = chosen.get();
        reasons.add((faster.test(offer) ? "Faster" : "Cheaper") + " than waiting: " + describe(offer));
        excluded(offers).forEach(reasons::add);
        return new Choice(offer, offers, reasons);
    }

    private Optional<BigDecimal> waitingCost(Demand demand, List<Candidate> candidates) {
        return candidates.stream()
                .filter(c -> c.supplierActive() && !demand.excludedSuppliers().contains(c.terms().supplierId()))
                .flatMap(c -> policy.toBase(c.terms().unitPriceFor(c.terms().orderQuantity(demand.quantity())),
                        c.terms().currency()).stream())
                .min(Comparator.naturalOrder())
                .map(unit -> unit.add(policy.warehouseCostPerUnit())
                        .multiply(BigDecimal.valueOf(demand.quantity()))
                        .setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * Prices one way of buying under one agreement; an offer that cannot be taken says why. A dropship ships the
     * customer's quantity, so minimum order quantity and pack size do not apply to it.
     */
    public Offer offer(Demand demand, Candidate candidate, Mode mode) {
        Terms terms = candidate.terms();
        int quantity = mode == Mode.DROPSHIP ? demand.quantity() : terms.orderQuantity(demand.quantity());
        BigDecimal listPrice = terms.unitPriceFor(quantity);
        BigDecimal unitPrice = mode == Mode.URGENT
                ? listPrice.multiply(BigDecimal.ONE.add(terms.urgentSurchargePercent().divide(HUNDRED)))
                        .setScale(4, RoundingMode.HALF_UP)
                : listPrice;
        BigDecimal perOrder = mode == Mode.DROPSHIP
                ? (terms.dropshipFee() == null ? BigDecimal.ZERO : terms.dropshipFee())
                : terms.orderCost();
        BigDecimal landed = unitPrice.multiply(BigDecimal.valueOf(quantity))
                .add(perOrder)
                .setScale(2, RoundingMode.HALF_UP);
        int leadTime = switch (mode) {
            case STANDARD -> terms.leadTimeDays();
            case URGENT -> terms.urgentLeadTimeDays();
            case DROPSHIP -> terms.dropshipLeadTimeDays();
        };
        Reliability reliability = candidate.reliability();
        double onTimeRate = reliability.onTimeRate(policy.priorOnTimeRate(), policy.priorWeight());
        int slip = reliability.expectedSlipDays(policy.minHistory());
        var arrival = demand.today().plusDays(leadTime);
        var expected = arrival.plusDays(slip);
        Optional<BigDecimal> base = policy.toBase(landed, terms.currency());
        BigDecimal adjusted = base.map(cost -> cost
                .multiply(BigDecimal.valueOf(1 + policy.reliabilityWeight() * (1 - onTimeRate)))
                .setScale(2, RoundingMode.HALF_UP))
                .orElse(null);
        boolean meets = demand.needBy() == null || !expected.isAfter(demand.needBy());
        String exclusion = null;
        if (!candidate.supplierActive()) {
            exclusion = "supplier is inactive";
        } else if (demand.excludedSuppliers().contains(terms.supplierId())) {
            exclusion = "supplier already declined this demand or slipped past the limit";
        } else if (base.isEmpty()) {
            exclusion = "no exchange rate from " + terms.currency() + " to " + policy.baseCurrency();
        }
        return new Offer(terms.agreementId(), terms.supplierId(), mode, quantity, unitPrice, terms.currency(), landed,
                base.orElse(null), adjusted, onTimeRate, slip, arrival, expected, meets, exclusion);
    }

    private String describe(Offer offer) {
        String cost = offer.currency().equals(policy.baseCurrency())
                ? money(offer.landedCost())
                : offer.landedCost().toPlainString() + " " + offer.currency() + " = " + money(offer.landedCostBase());
        return offer.supplierId() + " " + offer.mode().name().toLowerCase() + ": " + offer.quantity() + " units at "
                + offer.unitPrice().stripTrailingZeros().toPlainString() + " " + offer.currency()
                + ", landed " + cost + ", " + Math.round(offer.onTimeRate() * 100) + "% on time, ranked at "
                + money(offer.adjustedCost()) + "; arrives " + offer.arrival()
                + (offer.expectedSlipDays() > 0
                        ? ", expected " + offer.expectedArrival() + " with its usual " + offer.expectedSlipDays()
                                + " days slip"
                        : "");
    }

    private static Optional<Offer> runnerUp(List<Offer> eligible, Offer chosen) {
        return eligible.stream()
                .filter(o -> o != chosen && o.mode() != Mode.DROPSHIP)
                .filter(o -> o.meetsNeedBy() == chosen.meetsNeedBy())
                .min(CHEAPEST);
    }

    private static List<String> excluded(List<Offer> offers) {
        return offers.stream()
                .filter(o -> !o.eligible())
                .map(o -> "Excluded " + o.supplierId() + " " + o.mode().name().toLowerCase() + ": " + o.exclusion())
                .distinct()
                .toList();
    }

    private String nothingEligible(Demand demand, boolean noAgreements) {
        if (noAgreements) {
            return "No agreement for " + demand.sku() + " is valid on " + demand.today();
        }
        return "Every agreement for " + demand.sku() + " is excluded";
    }

    private static Optional<Offer> cheapest(List<Offer> offers, Predicate<Offer> filter) {
        return offers.stream().filter(filter).min(CHEAPEST);
    }

    private static Optional<Offer> earliest(List<Offer> offers, Predicate<Offer> filter) {
        return offers.stream().filter(filter).min(EARLIEST);
    }

    private static long count(List<Offer> offers, Predicate<Offer> filter) {
        return offers.stream().filter(filter).count();
    }

    private String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + policy.baseCurrency();
    }
}
