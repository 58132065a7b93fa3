package io.backorder.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One try to hand a delivery to the SMTP server or the SMS provider. No outcome yet: in flight, or the sender died. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String outcome;

    public Boolean retryable;

    public String error;

    public static DeliveryAttempt start(UUID deliveryId, int attempt, Instant now) {
        DeliveryAttempt row = new DeliveryAttempt();
        row.deliveryId = deliveryId;
        row.attempt = attempt;
        row.startedAt = now;
        return row;
    }

    public void succeeded(Instant now) {
        finish(SENT, null, null, now);
    }

    public void failed(String why, boolean canRetry, Instant now) {
        finish(FAILED, why, canRetry, now);
    }

    private void finish(String result, String why, Boolean canRetry, Instant now) {
        if (outcome != null) {
            throw new IllegalStateException("Attempt " + attempt + " of delivery " + deliveryId + " already "
                    + outcome);
        }
        outcome = result;
        error = why;
        retryable = canRetry;
        finishedAt = now;
    }
}
