package io.backorder.contracts;

/** Loyalty tier of a customer; higher tiers are served first when restocked goods are allocated. */
public enum CustomerTier {
    STANDARD, SILVER, GOLD, PLATINUM
}
