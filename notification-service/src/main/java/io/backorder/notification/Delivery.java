package io.backorder.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A notification on one channel to one address. PENDING until sent or given up; each attempt is claimed with a
 * lease, so a sender that dies mid-attempt does not strand it.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    public UUID id;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false)
    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public int version;

    public static Delivery pending(UUID notificationId, Channel channel, String recipient, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.notificationId = notificationId;
        delivery.channel = channel;
        delivery.recipient = recipient;
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    /** Starts an attempt; returns its number. */
    public int claim(Instant now, Duration lease) {
        requirePending("claimed");
        attempts++;
        leaseUntil = now.plus(lease);
        return attempts;
    }

    public void sent(String providerId, Instant now) {
        requirePending("marked sent");
        status = DeliveryStatus.SENT;
        providerMessageId = providerId;
        sentAt = now;
        leaseUntil = null;
        nextAttemptAt = null;
        lastError = null;
    }

    public void retryAt(Instant when, String error) {
        requirePending("retried");
        nextAttemptAt = when;
        leaseUntil = null;
        lastError = error;
    }

    public void giveUp(String error) {
        requirePending("given up");
        status = DeliveryStatus.FAILED;
        nextAttemptAt = null;
        leaseUntil = null;
        lastError = error;
    }

    public boolean isFinal() {
        return status != DeliveryStatus.PENDING;
    }

    private void requirePending(String transition) {
        if (status != DeliveryStatus.PENDING) {
            throw new IllegalStateException("Delivery " + id + " cannot be " + transition + " when " + status);
        }
    }
}
