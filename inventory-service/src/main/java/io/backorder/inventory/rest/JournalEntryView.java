package io.backorder.inventory.rest;

import java.time.Instant;

import io.backorder.inventory.StockJournalEntry;

/** One change of on-hand stock; {@code reason} is an adjustment reason, RECEIPT, SHIPMENT or IMPORT. */
public record JournalEntryView(long id, String sku, String locationId, int delta, int onHandAfter, String reason,
        String note, String reference, String actor, Instant createdAt) {

    public static JournalEntryView of(StockJournalEntry entry) {
        return new JournalEntryView(entry.id, entry.sku, entry.locationId, entry.delta, entry.onHandAfter,
                entry.reason, entry.note, entry.reference, entry.actor, entry.createdAt);
    }
}
