package io.backorder.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import io.backorder.contracts.CustomerTier;

/**
 * Who gets received goods first. The priority of a waiting line is the sum of four parts, each bounded and shown on
 * its own so that an operator (or a customer-service agent) can explain any decision:
 * <ul>
 * <li><b>tier</b>: fixed points per customer loyalty tier;</li>
 * <li><b>value</b>: points for the order value on a logarithmic scale (each tenfold larger order earns the same
 * number of points more), capped, so a large order counts but cannot buy its way past everybody;</li>
 * <li><b>age</b>: points per whole day since the order was placed, capped, so nobody waits forever;</li>
 * <li><b>slip</b>: points per day since the first date the customer was promised has passed while the line still
 * waits, capped: a promise already broken is not broken again for somebody whose promise still holds. It depends on
 * time only, not on the promises being recomputed, so serving a slipped line earlier cannot lower its priority and
 * make the queue flip back and forth between two lines.</li>
 * </ul>
 * Lines of equal score are served first-come first-served: earlier order time, then earlier arrival. Ship-complete
 * orders score like any other; their constraint is applied by {@link Allocator}. Each part is rounded to hundredths,
 * so equal inputs give exactly equal scores and ties are decided by FIFO, never by floating-point noise.
 */
public final class PriorityPolicy {

    /** Points per part; see the class comment. Configured in {@code backorder.inventory.priority.*}. */
    public record Weights(double standardPoints, double silverPoints, double goldPoints, double platinumPoints,
            double valuePointsPerTenfold, double maxValuePoints, double pointsPerDayWaited, double maxAgePoints,
            double pointsPerDaySlipped, double maxSlipPoints) {

        public static final Weights DEFAULT = new Weights(0, 10, 20, 30, 5, 20, 1, 30, 2, 20);

        double tierPoints(CustomerTier tier) {
            return switch (tier) {
                case STANDARD -> standardPoints;
                case SILVER -> silverPoints;
                case GOLD -> goldPoints;
                case PLATINUM -> platinumPoints;
            };
        }
    }

    /** The parts and what they were computed from; the explanation is written only when somebody reads it. */
    public record Score(double total, double tier, double value, double age, double slip, CustomerTier customerTier,
            BigDecimal orderValue, long daysWaited, long daysSlipped) {

        public String explanation() {
            return "tier " + customerTier + " +" + points(tier)
                    + "; order value " + orderValue.setScale(2, RoundingMode.HALF_UP).toPlainString() + " +"
                    + points(value)
                    + "; waiting " + daysWaited + (daysWaited == 1 ? " day +" : " days +") + points(age)
                    + (daysSlipped == 0
                            ? "; first promise not passed +"
                            : "; first promise passed " + daysSlipped + (daysSlipped == 1
                                    ? " day ago +"
                                    : " days ago +"))
                    + points(slip)
                    + "; score " + points(total);
        }
    }

    /** A waiting line with its score, as the queue orders it. */
    public record Ranked(WaitingLine line, Score score) {
    }

    /** Highest score first, then earlier order, then earlier arrival; the line id only makes the order total. */
    public static final Comparator<Ranked> QUEUE_ORDER = Comparator
            .comparingDouble((Ranked ranked) -> ranked.score().total())
            .reversed()
            .thenComparing(ranked -> ranked.line().orderedAt())
            .thenComparingLong(ranked -> ranked.line().queueSeq())
            .thenComparing(ranked -> ranked.line().lineId());

    private PriorityPolicy() {
    }

    public static Score score(WaitingLine line, LocalDate today, ZoneId zone, Weights weights) {
        double tier = round(weights.tierPoints(line.tier()));
        double value = round(Math.min(weights.maxValuePoints(),
                weights.valuePointsPerTenfold() * Math.log10(1 + Math.max(0, line.orderValue().doubleValue()))));
        long daysWaited = Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofInstant(line.orderedAt(), zone), today));
        double age = round(Math.min(weights.maxAgePoints(), weights.pointsPerDayWaited() * daysWaited));
        long daysSlipped = slippedDays(line, today);
        double slip = round(Math.min(weights.maxSlipPoints(), weights.pointsPerDaySlipped() * daysSlipped));
        double total = round(tier + value + age + slip);
        return new Score(total, tier, value, age, slip, line.tier(), line.orderValue(), daysWaited, daysSlipped);
    }

    /** Scores the lines and puts them in queue order. */
    public static List<Ranked> rank(List<WaitingLine> lines, LocalDate today, ZoneId zone, Weights weights) {
        return lines.stream()
                .map(line -> new Ranked(line, score(line, today, zone, weights)))
                .sorted(QUEUE_ORDER)
                .toList();
    }

    static long slippedDays(WaitingLine line, LocalDate today) {
        LocalDate first = line.firstPromiseDate();
        return first == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(first, today));
    }

    /** To hundredths; points are never negative, so this rounds half up. */
    private static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }

    private static String points(double points) {
        return points == Math.rint(points)
                ? String.valueOf((long) points)
                : BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
