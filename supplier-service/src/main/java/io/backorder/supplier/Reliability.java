package io.backorder.supplier;

/** What a supplier's history says about its next delivery. */
public record Reliability(int deliveries, int onTimeDeliveries, double averageSlipDays) {

    public static final Reliability UNKNOWN = new Reliability(0, 0, 0);

    /**
     * The on-time rate, pulled towards {@code prior} as if {@code priorWeight} deliveries had gone that way: a
     * supplier with two deliveries, both late, is not yet a supplier that is always late.
     */
    public double onTimeRate(double prior, int priorWeight) {
        return (onTimeDeliveries + prior * priorWeight) / (deliveries + priorWeight);
    }

    /** Days to add to a promised lead time; zero until the supplier has {@code minHistory} deliveries. */
    public int expectedSlipDays(int minHistory) {
        return deliveries >= minHistory && deliveries > 0 ? (int) Math.ceil(averageSlipDays) : 0;
    }
}
