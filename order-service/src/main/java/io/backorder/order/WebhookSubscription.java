package io.backorder.order;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A platform's endpoint for order events, with the secret its deliveries are signed with. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String platform;

    @Column(nullable = false)
    public String url;

    /** Comma-separated event types; {@code *} for all, {@code line.*} for a family. */
    @Column(nullable = false)
    public String events;

    @Column(nullable = false)
    public String secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> eventList() {
        return Arrays.asList(events.split(","));
    }
}
