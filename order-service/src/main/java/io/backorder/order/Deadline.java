package io.backorder.order;

import static io.backorder.order.IllegalTransitionException.require;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A point in time a saga waits for. Fired by the deadline scheduler, whichever replica claims it first. */
@Entity
@Table(name = "saga_deadline")
public class Deadline {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeadlineKind kind;

    @Column(name = "reference_id", nullable = false)
    public UUID referenceId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeadlineStatus status;

    public int attempts;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "fired_at")
    public Instant firedAt;

    public static Deadline of(UUID orderId, DeadlineKind kind, UUID referenceId, Instant dueAt, Instant now) {
        Deadline deadline = new Deadline();
        deadline.id = UUID.randomUUID();
        deadline.orderId = orderId;
        deadline.kind = kind;
        deadline.referenceId = referenceId;
        deadline.dueAt = dueAt;
        deadline.status = DeadlineStatus.PENDING;
        deadline.createdAt = now;
        return deadline;
    }

    public void fired(Instant now) {
        require(status == DeadlineStatus.PENDING, "Deadline %s is %s", id, status);
        status = DeadlineStatus.FIRED;
        firedAt = now;
    }
}
