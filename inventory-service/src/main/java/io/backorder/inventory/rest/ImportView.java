package io.backorder.inventory.rest;

/**
 * @param imported rows applied
 * @param allocations units given to waiting lines because the import raised stock (one per line and location)
 */
public record ImportView(int imported, int allocations) {
}
