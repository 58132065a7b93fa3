package io.backorder.order;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something that happened to an order and why. Platforms subscribe to these events with webhooks. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String type;

    @Column(name = "line_id")
    public UUID lineId;

    @Column(nullable = false)
    public String detail;

    public static TimelineEntry of(UUID orderId, Instant at, String type, UUID lineId, String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.eventId = UUID.randomUUID();
        entry.orderId = orderId;
        entry.at = at;
        entry.type = type;
        entry.lineId = lineId;
        entry.detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        return entry;
    }
}
