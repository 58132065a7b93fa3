package io.backorder.supplier;

import java.util.List;

/**
 * A supplier's delivery performance over settled purchase-order lines.
 *
 * @param settledLines lines that are finished: received, or cancelled because the supplier declined or slipped
 * @param deliveredLines settled lines with at least one unit delivered; on-time rate and slip are measured on them
 * @param onTimeRate share of delivered lines whose last unit arrived by the promised date; null without deliveries
 * @param averageSlipDays mean days late of delivered lines (early counts as zero); null without deliveries
 * @param fillRate delivered units (at most the ordered ones) over ordered units; null without settled lines
 * @param leadTimeMeanDays mean days from issue to complete delivery; null without complete deliveries
 * @param leadTimeStdDevDays sample standard deviation of those lead times; null with fewer than two
 */
public record SupplierStatistics(int settledLines, int deliveredLines, int onTimeLines, Double onTimeRate,
        Double averageSlipDays, Double fillRate, Double leadTimeMeanDays, Double leadTimeStdDevDays) {

    public static SupplierStatistics of(List<DeliveryOutcome> outcomes) {
        List<DeliveryOutcome> delivered = outcomes.stream().filter(DeliveryOutcome::wasDelivered).toList();
        int onTime = (int) delivered.stream().filter(DeliveryOutcome::onTime).count();
        long ordered = outcomes.stream().mapToLong(DeliveryOutcome::ordered).sum();
        long filled = outcomes.stream().mapToLong(o -> Math.min(o.delivered(), o.ordered())).sum();
        double[] leadTimes = outcomes.stream()
                .filter(DeliveryOutcome::complete)
                .mapToDouble(DeliveryOutcome::leadTimeDays)
                .toArray();
        return new SupplierStatistics(outcomes.size(), delivered.size(), onTime,
                delivered.isEmpty() ? null : (double) onTime / delivered.size(),
                delivered.isEmpty()
                        ? null
                        : delivered.stream()
                                .mapToLong(DeliveryOutcome::slipDays)
                                .average()
                                .orElseThrow(),
                ordered == 0 ? null : (double) filled / ordered,
                leadTimes.length == 0 ? null : mean(leadTimes),
                leadTimes.length < 2 ? null : sampleStandardDeviation(leadTimes));
    }

    public Reliability reliability() {
        return new Reliability(deliveredLines, onTimeLines, averageSlipDays == null ? 0 : averageSlipDays);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double sampleStandardDeviation(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
