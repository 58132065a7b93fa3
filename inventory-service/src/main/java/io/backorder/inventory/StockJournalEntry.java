package io.backorder.inventory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of on-hand stock and why it happened. Never updated. */
@Entity
@Table(name = "stock_journal")
public class StockJournalEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String sku;

    @Column(name = "location_id", nullable = false)
    public String locationId;

    @Column(nullable = false)
    public int delta;

    @Column(name = "on_hand_after", nullable = false)
    public int onHandAfter;

    @Column(nullable = false)
    public String reason;

    public String note;

    public String reference;

    public String actor;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static StockJournalEntry of(Stock stock, int delta, String reason, String note, String reference,
            String actor) {
        StockJournalEntry entry = new StockJournalEntry();
        entry.sku = stock.id.sku;
        entry.locationId = stock.id.locationId;
        entry.delta = delta;
        entry.onHandAfter = stock.onHand;
        entry.reason = reason;
        entry.note = note;
        entry.reference = reference;
        entry.actor = actor;
        entry.createdAt = Instant.now();
        return entry;
    }
}
