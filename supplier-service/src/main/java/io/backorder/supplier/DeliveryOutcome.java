package io.backorder.supplier;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How one settled purchase-order line went: what the supplier was asked for ({@code ordered}, net of our own
 * cancellations), what it delivered and when, against the date it promised.
 *
 * @param promisedOn the first ETA the supplier confirmed, or the expected date when it never confirmed
 * @param deliveredOn the day the last delivered unit arrived; null when nothing was delivered
 */
public record DeliveryOutcome(String supplierId, String sku, LocalDate issuedOn, LocalDate promisedOn,
        LocalDate deliveredOn, int ordered, int delivered) {

    public boolean wasDelivered() {
        return delivered > 0 && deliveredOn != null;
    }

    public boolean complete() {
        return wasDelivered() && delivered >= ordered;
    }

    public boolean onTime() {
        return wasDelivered() && !deliveredOn.isAfter(promisedOn);
    }

    /** Days late; early deliveries slip zero days rather than making up for late ones. */
    public long slipDays() {
        return Math.max(0, ChronoUnit.DAYS.between(promisedOn, deliveredOn));
    }

    public long leadTimeDays() {
        return ChronoUnit.DAYS.between(issuedOn, deliveredOn);
    }
}
