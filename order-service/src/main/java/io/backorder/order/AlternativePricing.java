package io.backorder.order;

/** What a customer pays for an in-stock alternative. */
public enum AlternativePricing {
    /** The lower of the two prices: an upgrade costs nothing extra, a cheaper item costs less. */
    LOWER_OF_BOTH,
    /** The alternative's own price; the difference is shown in the offer. */
    ALTERNATIVE_PRICE
}
