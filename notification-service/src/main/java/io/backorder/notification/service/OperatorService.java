package io.backorder.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.notification.CustomerPreference;
import io.backorder.notification.Delivery;
import io.backorder.notification.DeliveryAttempt;
import io.backorder.notification.Notification;
import io.backorder.notification.repository.ContactClickRepository;
import io.backorder.notification.repository.CustomerOrderRepository;
import io.backorder.notification.repository.CustomerPreferenceRepository;
import io.backorder.notification.repository.DeliveryAttemptRepository;
import io.backorder.notification.repository.DeliveryRepository;
import io.backorder.notification.repository.NotificationRepository;
import io.backorder.notification.repository.SandboxSmsRepository;
import io.backorder.notification.rest.OperatorViews;
import io.backorder.support.rest.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What customer service looks at and changes: messages per order, the SMS sandbox, clicks, preferences. */
@ApplicationScoped
public class OperatorService {

    private final CustomerOrderRepository orders;
    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final SandboxSmsRepository sandbox;
    private final ContactClickRepository clicks;
    private final CustomerPreferenceRepository preferences;
    private final Clock clock;

    public OperatorService(CustomerOrderRepository orders, NotificationRepository notifications,
            DeliveryRepository deliveries, DeliveryAttemptRepository attempts, SandboxSmsRepository sandbox,
            ContactClickRepository clicks, CustomerPreferenceRepository preferences, Clock clock) {
        this.orders = orders;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.sandbox = sandbox;
        this.clicks = clicks;
        this.preferences = preferences;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<OperatorViews.NotificationView>> notificationsOf(UUID orderId) {
        return orders.findById(orderId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No messages for order " + orderId))
                .flatMap(order -> notifications.byOrder(orderId))
                .flatMap(found -> deliveries.byNotifications(found.stream().map(n -> n.id).toList())
                        .flatMap(sent -> attempts.byDeliveries(sent.stream().map(d -> d.id).toList())
                                .map(tries -> views(found, sent, tries))));
    }

    private static List<OperatorViews.NotificationView> views(List<Notification> found, List<Delivery> sent,
            List<DeliveryAttempt> tries) {
        Map<UUID, List<DeliveryAttempt>> attemptsByDelivery = tries.stream()
                .collect(Collectors.groupingBy(attempt -> attempt.deliveryId));
        Map<UUID, List<OperatorViews.DeliveryView>> deliveriesByNotification = sent.stream()
                .collect(Collectors.groupingBy(delivery -> delivery.notificationId, Collectors.mapping(
                        delivery -> new OperatorViews.DeliveryView(delivery.id, delivery.channel, delivery.recipient,
                                delivery.status, delivery.attempts, delivery.nextAttemptAt, delivery.lastError,
                                delivery.providerMessageId, delivery.sentAt,
                                attemptsByDelivery.getOrDefault(delivery.id, List.of())
                                        .stream()
                                        .map(attempt -> new OperatorViews.AttemptView(attempt.attempt,
                                                attempt.startedAt, attempt.finishedAt, attempt.outcome,
                                                attempt.retryable, attempt.error))
                                        .toList()),
                        Collectors.toList())));
        return found.stream()
                .map(n -> new OperatorViews.NotificationView(n.id, n.kind, n.deduplicationKey, n.status, n.reason,
                        n.coalescedInto, n.dueAt, n.gatedAt, n.completedAt, n.createdAt,
                        deliveriesByNotification.getOrDefault(n.id, List.of())))
                .toList();
    }

    @WithSession
    public Uni<List<OperatorViews.SmsView>> sandboxSms(String to, int limit) {
        return sandbox.recent(to, limit)
                .map(found -> found.stream()
                        .map(sms -> new OperatorViews.SmsView(sms.sid, sms.to, sms.from, sms.body, sms.status,
                                sms.errorCode, sms.createdAt))
                        .toList());
    }

    @WithSession
    public Uni<OperatorViews.ContactClicks> contactClicks(int days) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return clicks.countSince(since)
                .map(counts -> new OperatorViews.ContactClicks(since,
                        counts.stream().mapToLong(ContactClickRepository.Count::clicks).sum(),
                        counts.stream()
                                .map(count -> new OperatorViews.ClickCount(count.via(), count.kind(), count.clicks()))
                                .toList()));
    }

    @WithSession
    public Uni<OperatorViews.PreferenceView> preference(String customerId) {
        return preferences.of(customerId).map(OperatorService::view);
    }

    @WithTransaction
    public Uni<OperatorViews.PreferenceView> setPreference(String customerId, boolean email, boolean sms,
            String operator) {
        return preferences.save(customerId, email, sms, operator, clock.instant())
                .chain(() -> preferences.findById(customerId))
                .map(OperatorService::view);
    }

    private static OperatorViews.PreferenceView view(CustomerPreference preference) {
        return new OperatorViews.PreferenceView(preference.customerId, preference.emailEnabled,
                preference.smsEnabled, preference.updatedAt, preference.updatedBy);
    }
}
