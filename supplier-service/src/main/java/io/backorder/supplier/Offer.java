package io.backorder.supplier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What buying under one agreement in one mode would mean, with every number the decision used.
 *
 * @param unitPrice the price per unit at this quantity, urgent surcharge included
 * @param landedCost goods plus per-order costs (freight, or the dropship fee), in the agreement's currency
 * @param landedCostBase the landed cost in the base currency; null when there is no exchange rate
 * @param adjustedCost the base landed cost raised for the supplier's late deliveries: what offers are ranked by
 * @param arrival the date the terms promise
 * @param expectedArrival the promised date plus the supplier's usual slip
 * @param exclusion why the offer cannot be taken, or null
 */
public record Offer(UUID agreementId, String supplierId, Mode mode, int quantity, BigDecimal unitPrice,
        String currency, BigDecimal landedCost, BigDecimal landedCostBase, BigDecimal adjustedCost, double onTimeRate,
        int expectedSlipDays, LocalDate arrival, LocalDate expectedArrival, boolean meetsNeedBy, String exclusion) {

    public enum Mode {
        /** Standard lead time and price. */
        STANDARD,
        /** The agreement's urgent clause: shorter lead time for a surcharge. */
        URGENT,
        /** The supplier ships straight to the end customer. */
        DROPSHIP
    }

    public boolean eligible() {
        return exclusion == null;
    }
}
