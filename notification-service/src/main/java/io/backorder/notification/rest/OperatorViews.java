package io.backorder.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.backorder.notification.Channel;
import io.backorder.notification.ContactClick;
import io.backorder.notification.DeliveryStatus;
import io.backorder.notification.NotificationKind;
import io.backorder.notification.NotificationStatus;
import io.backorder.notification.SuppressionReason;

/** What operators see of messages, deliveries, sandbox SMS, clicks and preferences. */
public final class OperatorViews {

    private OperatorViews() {
    }

    public record NotificationView(UUID id, NotificationKind kind, String deduplicationKey, NotificationStatus status,
            SuppressionReason reason, UUID coalescedInto, Instant dueAt, Instant gatedAt, Instant completedAt,
            Instant createdAt, List<DeliveryView> deliveries) {
    }

    public record DeliveryView(UUID id, Channel channel, String recipient, DeliveryStatus status, int attempts,
            Instant nextAttemptAt, String lastError, String providerMessageId, Instant sentAt,
            List<AttemptView> attemptLog) {
    }

    /** {@code outcome} is null while the attempt is in flight, or when its sender stopped before recording it. */
    public record AttemptView(int attempt, Instant startedAt, Instant finishedAt, String outcome, Boolean retryable,
            String error) {
    }

    public record SmsView(String sid, String to, String from, String body, String status, Integer errorCode,
            Instant createdAt) {
    }

    public record ClickCount(ContactClick.Via via, NotificationKind kind, long clicks) {
    }

    public record ContactClicks(Instant since, long total, List<ClickCount> counts) {
    }

    public record PreferenceView(String customerId, boolean emailEnabled, boolean smsEnabled, Instant updatedAt,
            String updatedBy) {
    }
}
