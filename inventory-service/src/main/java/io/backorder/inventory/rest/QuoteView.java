package io.backorder.inventory.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.RejectionReason;

/**
 * What checkout may tell the customer, per line, right now. Nothing is held by a quote.
 *
 * @param quoteId names this quote; the platform passes it as {@code quoteId} when it places the order
 */
public record QuoteView(UUID quoteId, List<Line> lines) {

    public enum Availability {
        AVAILABLE_NOW, BACKORDERABLE, PREORDERABLE, NOT_ORDERABLE
    }

    /**
     * @param availableNow units that could ship from stock today
     * @param promiseDate when the whole line could ship (null when not orderable)
     * @param inStockDate the date to show on a product page: today if any unit is available, else the next supply
     */
    public record Line(String sku, int quantity, Availability availability, int availableNow, LocalDate promiseDate,
            PromiseConfidence confidence, LocalDate inStockDate, RejectionReason reason) {
    }
}
