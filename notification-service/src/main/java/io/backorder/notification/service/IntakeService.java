package io.backorder.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.notification.CustomerContact;
import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.LinkAction;
import io.backorder.contracts.notification.OfferSnapshot;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.notification.CustomerOrder;
import io.backorder.notification.Notification;
import io.backorder.notification.NotificationKind;
import io.backorder.notification.Offer;
import io.backorder.notification.PromiseTolerance;
import io.backorder.notification.SuppressionReason;
import io.backorder.notification.config.NotificationConfig;
import io.backorder.notification.repository.CustomerOrderRepository;
import io.backorder.notification.repository.NotificationRepository;
import io.backorder.notification.repository.OfferRepository;
import io.backorder.support.messaging.InvalidMessageException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Takes the saga's requests to message a customer: keeps the order's latest snapshot and offer, and schedules the
 * message, folds a promise change into one already waiting, or holds back one below the shop's tolerance. Sending
 * happens later, in {@link DispatchService}.
 */
@ApplicationScoped
public class IntakeService {

    private static final int MAX_KEY_LENGTH = 200;

    private final CustomerOrderRepository orders;
    private final OfferRepository offers;
    private final NotificationRepository notifications;
    private final Outcomes outcomes;
    private final SnapshotCodec json;
    private final NotificationConfig config;
    private final Clock clock;

    public IntakeService(CustomerOrderRepository orders, OfferRepository offers, NotificationRepository notifications,
            Outcomes outcomes, SnapshotCodec json, NotificationConfig config, Clock clock) {
        this.orders = orders;
        this.offers = offers;
        this.notifications = notifications;
        this.outcomes = outcomes;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** Accepts the request once per de-duplication key; a repeated key (a retried command) changes nothing. */
    @WithTransaction
    public Uni<Void> accept(SendCustomerMessage message, Envelope cause) {
        validate(message);
        return notifications.byKey(message.deduplicationKey()).flatMap(existing -> {
            if (existing != null) {
                Log.debugf("Message %s for order %s was accepted before", message.deduplicationKey(),
                        message.orderId());
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            return keepOrder(message, cause, now)
                    .call(order -> keepOffer(message, order, now))
                    .flatMap(order -> schedule(message, order, cause, now));
        });
    }

    private Uni<CustomerOrder> keepOrder(SendCustomerMessage message, Envelope cause, Instant now) {
        String snapshot = json.write(message.order());
        String reference = message.order().orderReference();
        return orders.lock(message.orderId()).flatMap(order -> {
            if (order == null) {
                return orders.persist(CustomerOrder.create(message.orderId(), message.contact(), reference, snapshot,
                        cause.time(), now));
            }
            if (!order.update(message.contact(), reference, snapshot, cause.time(), now)) {
                Log.infof("Kept the newer snapshot of order %s over one from %s", order.orderId, cause.time());
            }
            return Uni.createFrom().item(order);
        }).invoke(order -> {
            if (message.kind() == CustomerMessageKind.PAYMENT_METHOD_UPDATE_NEEDED) {
                order.requestPaymentUpdate(now);
            }
        });
    }

    /** A new offer replaces the open one; expiry and cancellation close it. */
    private Uni<Void> keepOffer(SendCustomerMessage message, CustomerOrder order, Instant now) {
        NotificationKind kind = NotificationKind.of(message.kind());
        Uni<Void> recorded = message.offer() == null
                ? Uni.createFrom().voidItem()
                : recordOffer(message.offer(), order, now);
        return recorded.chain(() -> switch (kind) {
            case OFFER_EXPIRED -> closeOpenOffers(order, offer -> offer.expire(now));
            case CANCELLED_AND_REFUNDED -> closeOpenOffers(order, offer -> offer.withdraw(now));
            default -> Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> recordOffer(OfferSnapshot snapshot, CustomerOrder order, Instant now) {
        String offerJson = json.write(snapshot);
        return offers.lock(snapshot.offerId()).flatMap(known -> {
            if (known != null) {
                if (!known.orderId.equals(order.orderId)) {
                    return Uni.createFrom()
                            .failure(new InvalidMessageException("Offer " + snapshot.offerId()
                                    + " belongs to another order"));
                }
                known.refresh(offerJson, snapshot.expiresAt(), snapshot.defaultOption());
                return Uni.createFrom().voidItem();
            }
            return closeOpenOffers(order, open -> open.withdraw(now))
                    .chain(() -> offers.persist(Offer.open(snapshot.offerId(), order.orderId, offerJson,
                            snapshot.expiresAt(), snapshot.defaultOption(), now)))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> closeOpenOffers(CustomerOrder order, Consumer<Offer> close) {
        return offers.openForOrder(order.orderId).invoke(open -> open.forEach(close)).replaceWithVoid();
    }

    private Uni<Void> schedule(SendCustomerMessage message, CustomerOrder order, Envelope cause, Instant now) {
        NotificationKind kind = NotificationKind.of(message.kind());
        Set<LinkAction> actions = message.allowedActions() == null ? Set.of() : message.allowedActions();
        Notification notification = Notification.schedule(order.orderId, kind, message.deduplicationKey(),
                message.offer() == null ? null : message.offer().offerId(), actions, cause.id(), now, now);
        if (kind != NotificationKind.PROMISE_DATE_CHANGED) {
            return notifications.persist(notification).replaceWithVoid();
        }
        return notifications.scheduledOfKind(order.orderId, kind).flatMap(waiting -> {
            if (waiting != null) {
                // the waiting message renders the order's latest snapshot when it goes out, so it carries this change
                notification.coalesceInto(waiting, now);
                return notifications.persist(notification).chain(() -> outcomes.report(notification, List.of()));
            }
            if (!PromiseTolerance.significant(json.order(order), json.promises(order.notifiedPromises),
                    config.throttle().promiseToleranceDays())) {
                notification.suppress(SuppressionReason.BELOW_TOLERANCE, now);
                return notifications.persist(notification).chain(() -> outcomes.report(notification, List.of()));
            }
            notification.dueAt = now.plus(config.throttle().coalescingWindow());
            return notifications.persist(notification).replaceWithVoid();
        });
    }

    private static void validate(SendCustomerMessage message) {
        require(message.orderId() != null, "an order id");
        require(message.kind() != null, "a kind");
        require(message.deduplicationKey() != null && !message.deduplicationKey().isBlank()
                && message.deduplicationKey().length() <= MAX_KEY_LENGTH,
                "a de-duplication key of at most "
                        + MAX_KEY_LENGTH + " characters");
        CustomerContact contact = message.contact();
        require(contact != null && contact.customerId() != null && !contact.customerId().isBlank()
                && contact.customerId().length() <= 100, "a contact with a customer id");
        require(contact.email() == null || contact.email().length() <= 320, "an email address of at most 320 "
                + "characters");
        require(contact.phone() == null || contact.phone().length() <= 32, "a phone number of at most 32 characters");
        require(message.order() != null && message.orderId().equals(message.order().orderId()),
                "the snapshot of the same order");
        NotificationKind kind = NotificationKind.of(message.kind());
        if (kind.concernsOffer()) {
            require(message.offer() != null, "the offer");
        }
        OfferSnapshot offer = message.offer();
        if (offer != null) {
            require(offer.offerId() != null && offer.expiresAt() != null && offer.defaultOption() != null
                    && offer.options() != null && !offer.options().isEmpty(),
                    "an offer with id, expiry, default "
                            + "and options");
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new InvalidMessageException("SendCustomerMessage needs " + what);
        }
    }
}
