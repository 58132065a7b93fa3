package io.backorder.inventory;

/** Why an operator changed on-hand stock; every change is journalled with one. */
public enum AdjustmentReason {
    INITIAL_COUNT, CYCLE_COUNT, DAMAGE, SHRINKAGE, CUSTOMER_RETURN, CORRECTION
}
