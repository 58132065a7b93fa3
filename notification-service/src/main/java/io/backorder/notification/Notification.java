package io.backorder.notification;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.backorder.contracts.notification.LinkAction;

/**
 * One business message to a customer, identified by its de-duplication key: scheduled, then gated (sent on some
 * channels or suppressed), then delivered or failed. Also the record of messages held back or coalesced.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

    @Column(name = "deduplication_key", nullable = false)
    public String deduplicationKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Enumerated(EnumType.STRING)
    public SuppressionReason reason;

    @Column(name = "coalesced_into")
    public UUID coalescedInto;

    @Column(name = "offer_id")
    public UUID offerId;

    /** The link actions of its links, comma-separated {@link LinkAction} names. */
    @Column(nullable = false)
    public String actions;

    /** Id of the message that asked for it: the causation of the outcome event. */
    @Column(name = "cause_id")
    public String causeId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "gated_at")
    public Instant gatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The promise dates its content showed (JSON), kept as what the customer knows once it is delivered. */
    @Column(name = "promises_shown", columnDefinition = "text")
    public String promisesShown;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public int version;

    public static Notification schedule(UUID orderId, NotificationKind kind, String deduplicationKey, UUID offerId,
            Set<LinkAction> actions, String causeId, Instant dueAt, Instant now) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.orderId = orderId;
        notification.kind = kind;
        notification.deduplicationKey = deduplicationKey;
        notification.offerId = offerId;
        notification.actions = LinkActions.format(actions);
        notification.causeId = causeId;
        notification.status = NotificationStatus.SCHEDULED;
        notification.dueAt = dueAt;
        notification.createdAt = now;
        return notification;
    }

    public Set<LinkAction> linkActions() {
        return LinkActions.parse(actions);
    }

    public void suppress(SuppressionReason why, Instant now) {
        require(NotificationStatus.SCHEDULED, "suppressed");
        status = NotificationStatus.SUPPRESSED;
        reason = why;
        gatedAt = now;
        completedAt = now;
    }

    public void coalesceInto(Notification scheduled, Instant now) {
        require(NotificationStatus.SCHEDULED, "coalesced");
        if (scheduled.status != NotificationStatus.SCHEDULED || !scheduled.orderId.equals(orderId)) {
            throw new IllegalStateException("Notification " + id + " can only be coalesced into a scheduled "
                    + "message of the same order");
        }
        status = NotificationStatus.COALESCED;
        coalescedInto = scheduled.id;
        completedAt = now;
    }

    public void startSending(String promisesJson, Instant now) {
        require(NotificationStatus.SCHEDULED, "sent");
        status = NotificationStatus.SENDING;
        promisesShown = promisesJson;
        gatedAt = now;
    }

    /** All deliveries are final: delivered if any reached the customer. */
    public void complete(boolean anyDelivered, Instant now) {
        require(NotificationStatus.SENDING, "completed");
        status = anyDelivered ? NotificationStatus.DELIVERED : NotificationStatus.FAILED;
        completedAt = now;
    }

    /** The outcome as the saga sees it, e.g. DELIVERED or SUPPRESSED_DAILY_CAP. */
    public String outcome() {
        if (!status.isFinal()) {
            throw new IllegalStateException("Notification " + id + " has no outcome yet: " + status);
        }
        return status == NotificationStatus.SUPPRESSED ? "SUPPRESSED_" + reason.name() : status.name();
    }

    private void require(NotificationStatus expected, String transition) {
        if (status != expected) {
            throw new IllegalStateException("Notification " + id + " cannot be " + transition + " when " + status);
        }
    }
}
