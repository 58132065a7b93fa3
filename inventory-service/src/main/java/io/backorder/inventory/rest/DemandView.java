package io.backorder.inventory.rest;

import java.time.LocalDate;

/**
 * One SKU's demand on one day, for replenishment planning: units ordered (of which backordered, of which refused),
 * and units cancelled because the customer would not wait for us any longer versus cancelled for other reasons.
 */
public record DemandView(LocalDate day, int orderedUnits, int backorderedUnits, int rejectedUnits,
        int cancelledDelayUnits, int cancelledOtherUnits) {
}
