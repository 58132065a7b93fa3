package io.backorder.contracts.inventory;

/**
 * How sure the promise date is: HIGH when covered by a supplier-confirmed ETA, MEDIUM when covered by an unconfirmed
 * purchase order, LOW when only the standard lead time backs it.
 */
public enum PromiseConfidence {
    HIGH, MEDIUM, LOW
}
