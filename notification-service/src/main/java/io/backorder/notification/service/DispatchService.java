package io.backorder.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.notification.OrderSnapshot;
import io.backorder.notification.Channel;
import io.backorder.notification.CustomerOrder;
import io.backorder.notification.Delivery;
import io.backorder.notification.DeliveryAttempt;
import io.backorder.notification.DeliveryStatus;
import io.backorder.notification.Notification;
import io.backorder.notification.NotificationGate;
import io.backorder.notification.Offer;
import io.backorder.notification.PromiseTolerance;
import io.backorder.notification.channel.DeliveryRejected;
import io.backorder.notification.channel.EmailSender;
import io.backorder.notification.channel.SmsProvider;
import io.backorder.notification.config.NotificationConfig;
import io.backorder.notification.content.ContentRenderer;
import io.backorder.notification.content.Formats;
import io.backorder.notification.content.RenderedEmail;
import io.backorder.notification.content.Views;
import io.backorder.notification.repository.CustomerOrderRepository;
import io.backorder.notification.repository.CustomerPreferenceRepository;
import io.backorder.notification.repository.DeliveryAttemptRepository;
import io.backorder.notification.repository.DeliveryRepository;
import io.backorder.notification.repository.NotificationRepository;
import io.backorder.notification.repository.OfferRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Sends what is due, in three steps that several replicas may run side by side: gate due messages (send on which
 * channels, or hold back and why), claim due deliveries with a lease and render them with a fresh link, then record
 * each attempt's result (retry with backoff, give up, or done). Rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}; nothing is sent inside a transaction.
 */
@ApplicationScoped
public class DispatchService {

    private static final Duration DAY = Duration.ofHours(24);

    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final CustomerOrderRepository orders;
    private final OfferRepository offers;
    private final CustomerPreferenceRepository preferences;
    private final LinkService links;
    private final ContentRenderer renderer;
    private final EmailSender email;
    private final SmsProvider sms;
    private final Outcomes outcomes;
    private final SnapshotCodec json;
    private final NotificationConfig config;
    private final Clock clock;

    public DispatchService(NotificationRepository notifications, DeliveryRepository deliveries,
            DeliveryAttemptRepository attempts, CustomerOrderRepository orders, OfferRepository offers,
            CustomerPreferenceRepository preferences, LinkService links, ContentRenderer renderer, EmailSender email,
            SmsProvider sms, Outcomes outcomes, SnapshotCodec json, NotificationConfig config, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.orders = orders;
        this.offers = offers;
        this.preferences = preferences;
        this.links = links;
        this.renderer = renderer;
        this.email = email;
        this.sms = sms;
        this.outcomes = outcomes;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** Decides every due scheduled message; returns how many were decided. */
    @WithTransaction
    public Uni<Integer> gateDue() {
        Instant now = clock.instant();
        return notifications.claimDue(now, config.delivery().batchSize())
                .flatMap(due -> sequentially(due, notification -> gate(notification, now)).map(List::size));
    }

    private Uni<Void> gate(Notification notification, Instant now) {
        return orders.findById(notification.orderId)
                .flatMap(order -> offerOpen(notification, now)
                        .flatMap(offerOpen -> preferences.of(order.customerId)
                                .flatMap(preference -> notifications.sentSince(order.orderId, now.minus(DAY))
                                        .flatMap(sent -> {
                                            OrderSnapshot snapshot = json.order(order);
                                            boolean moved = PromiseTolerance.significant(snapshot,
                                                    json.promises(order.notifiedPromises),
                                                    config.throttle().promiseToleranceDays());
                                            NotificationGate.Decision decision = NotificationGate.decide(
                                                    new NotificationGate.Facts(notification.kind, order, preference,
                                                            offerOpen, moved, sent,
                                                            config.throttle().maxPerOrderPerDay()));
                                            if (decision.suppressed().isPresent()) {
                                                notification.suppress(decision.suppressed().get(), now);
                                                return outcomes.report(notification, List.of());
                                            }
                                            notification.startSending(json.promisesOf(snapshot), now);
                                            List<Delivery> created = decision.channels()
                                                    .stream()
                                                    .map(channel -> Delivery.pending(notification.id, channel,
                                                            NotificationGate.recipient(order, channel), now))
                                                    .toList();
                                            return deliveries.persist(created);
                                        }))));
    }

    private Uni<Boolean> offerOpen(Notification notification, Instant now) {
        if (notification.offerId == null) {
            return Uni.createFrom().item(true);
        }
        return offers.findById(notification.offerId).map(offer -> offer != null && offer.isOpenAt(now));
    }

    /** Claims due deliveries for one attempt each and renders them with a newly issued link. */
    @WithTransaction
    public Uni<List<Outgoing>> claimDeliveries() {
        Instant now = clock.instant();
        return deliveries.claimDue(now, config.delivery().batchSize())
                .flatMap(due -> sequentially(due, delivery -> prepare(delivery, now)));
    }

    private Uni<Outgoing> prepare(Delivery delivery, Instant now) {
        int attempt = delivery.claim(now, config.delivery().lease());
        DeliveryAttempt row = DeliveryAttempt.start(delivery.id, attempt, now);
        return attempts.persistAndFlush(row)
                .flatMap(saved -> notifications.findById(delivery.notificationId))
                .flatMap(notification -> orders.findById(notification.orderId)
                        .flatMap(order -> offerToShow(notification)
                                .flatMap(offer -> links.issue(order.orderId, notification.linkActions(),
                                        notification.id, now)
                                        .map(issued -> render(delivery, row, notification, order, offer, issued)))));
    }

    private Uni<Offer> offerToShow(Notification notification) {
        return notification.offerId == null
                ? Uni.createFrom().nullItem()
                : offers.findById(notification.offerId);
    }

    private Outgoing render(Delivery delivery, DeliveryAttempt attempt, Notification notification,
            CustomerOrder order, Offer offer, LinkService.Issued issued) {
        try {
            Locale locale = Formats.locale(order.locale);
            Formats formats = renderer.formats(locale);
            OrderSnapshot snapshot = json.order(order);
            String via = delivery.channel.name().toLowerCase(Locale.ROOT);
            Views.Mail mail = new Views.Mail(notification.kind, renderer.shop(),
                    renderer.order(snapshot, order.orderReference, formats),
                    offer == null
                            ? null
                            : renderer.offer(json.offer(offer), offer.status, formats, snapshot.currency()),
                    links.pageUrl(issued.raw()), links.contactUrl(issued.raw(), via),
                    formats.dateTime(issued.token().expiresAt));
            return delivery.channel == Channel.EMAIL
                    ? outgoing(delivery, attempt, issued, renderer.email(mail, locale), null, null)
                    : outgoing(delivery, attempt, issued, null, renderer.sms(mail, locale), null);
        } catch (RuntimeException e) {
            Log.errorf(e, "Cannot render %s for delivery %s", notification.kind, delivery.id);
            return outgoing(delivery, attempt, issued, null, null, "Rendering failed: " + e.getMessage());
        }
    }

    private static Outgoing outgoing(Delivery delivery, DeliveryAttempt attempt, LinkService.Issued issued,
            RenderedEmail mail, String text, String error) {
        return new Outgoing(delivery.id, attempt.id, issued.token().id, delivery.channel, delivery.recipient, mail,
                text, error);
    }

    /** Hands one attempt to its channel; never fails: a failure becomes the result. */
    public Uni<SendResult> send(Outgoing outgoing) {
        if (outgoing.renderError() != null) {
            return Uni.createFrom().item(SendResult.failed(outgoing, outgoing.renderError(), false));
        }
        Uni<String> sending = outgoing.channel() == Channel.EMAIL
                ? email.send(outgoing.recipient(), outgoing.email(), outgoing.deliveryId().toString())
                        .replaceWith((String) null)
                : sms.send(outgoing.recipient(), outgoing.sms());
        return sending.ifNoItem()
                .after(config.delivery().sendTimeout())
                .failWith(() -> new DeliveryRejected("No answer within " + config.delivery().sendTimeout(), true))
                .map(providerId -> SendResult.sent(outgoing, providerId))
                .onFailure()
                .recoverWithItem(failure -> SendResult.failed(outgoing, describe(failure),
                        !(failure instanceof DeliveryRejected rejected) || rejected.retryable()));
    }

    /** Records an attempt's result; completes the message and reports it when every channel is done. */
    @WithTransaction
    public Uni<Void> record(SendResult result) {
        Instant now = clock.instant();
        Outgoing outgoing = result.attempt();
        return deliveries.findById(outgoing.deliveryId())
                .flatMap(delivery -> notifications.lock(delivery.notificationId)
                        .flatMap(notification -> attempts.findById(outgoing.attemptId()).flatMap(attempt -> {
                            if (result.sent()) {
                                delivery.sent(result.providerId(), now);
                                attempt.succeeded(now);
                                return completeIfDone(notification, now);
                            }
                            attempt.failed(result.error(), result.retryable(), now);
                            if (result.retryable() && delivery.attempts < config.delivery().maxAttempts()) {
                                delivery.retryAt(now.plus(backoff(delivery.attempts)), result.error());
                                Log.warnf("Delivery %s (%s) attempt %d failed, retrying: %s", delivery.id,
                                        delivery.channel, delivery.attempts, result.error());
                            } else {
                                delivery.giveUp(result.error());
                                Log.errorf("Delivery %s (%s) failed for good after %d attempts: %s", delivery.id,
                                        delivery.channel, delivery.attempts, result.error());
                            }
                            return links.revoke(outgoing.tokenId(), now)
                                    .chain(() -> completeIfDone(notification,
                                            now));
                        })));
    }

    private Uni<Void> completeIfDone(Notification notification, Instant now) {
        return deliveries.byNotification(notification.id).flatMap(all -> {
            if (!all.stream().allMatch(Delivery::isFinal)) {
                return Uni.createFrom().voidItem();
            }
            List<Channel> delivered = all.stream()
                    .filter(delivery -> delivery.status == DeliveryStatus.SENT)
                    .map(delivery -> delivery.channel)
                    .toList();
            notification.complete(!delivered.isEmpty(), now);
            Uni<Void> remembered = delivered.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : orders.lock(notification.orderId)
                            .invoke(order -> order.promisesDelivered(notification.promisesShown, now))
                            .replaceWithVoid();
            return remembered.chain(() -> outcomes.report(notification, delivered));
        });
    }

    /** The wait after the n-th failed attempt: doubling from the initial backoff, capped. */
    Duration backoff(int failedAttempts) {
        Duration wait = config.delivery().initialBackoff();
        for (int i = 1; i < failedAttempts && wait.compareTo(config.delivery().maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.delivery().maxBackoff()) > 0 ? config.delivery().maxBackoff() : wait;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static <T, R> Uni<List<R>> sequentially(List<T> items, Function<T, Uni<R>> step) {
        Uni<List<R>> chain = Uni.createFrom().item(new ArrayList<>());
        for (T item : items) {
            chain = chain.flatMap(done -> step.apply(item).map(result -> {
                done.add(result);
                return done;
            }));
        }
        return chain;
    }
}
