package io.backorder.order.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.order.Order;
import io.backorder.order.TimelineEntry;
import io.backorder.order.repository.DeadlineRepository;
import io.backorder.order.repository.OrderRepository;
import io.backorder.order.repository.PaymentOperationRepository;
import io.backorder.order.repository.TimelineRepository;
import io.backorder.order.saga.CustomerNotice;
import io.backorder.order.saga.OrderSaga;
import io.backorder.order.saga.SagaEffects;
import io.backorder.order.saga.Step;
import io.backorder.support.messaging.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Runs saga steps inside the caller's transaction: the order is locked, the input applied, and the order's new state
 * and everything the step decided (messages via the outbox, provider calls, deadlines, timeline and webhook
 * deliveries) commit together or not at all.
 */
@ApplicationScoped
public class SagaRunner {

    private final OrderRepository orders;
    private final OrderSaga saga;
    private final Outbox outbox;
    private final PaymentOperationRepository payments;
    private final DeadlineRepository deadlines;
    private final TimelineRepository timeline;
    private final WebhookService webhooks;
    private final Clock clock;

    public SagaRunner(OrderRepository orders, OrderSaga saga, Outbox outbox, PaymentOperationRepository payments,
            DeadlineRepository deadlines, TimelineRepository timeline, WebhookService webhooks, Clock clock) {
        this.orders = orders;
        this.saga = saga;
        this.outbox = outbox;
        this.payments = payments;
        this.deadlines = deadlines;
        this.timeline = timeline;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** The order, locked for this transaction, or null when there is none. */
    public Uni<Order> lock(UUID orderId) {
        return orders.lockForStep(orderId);
    }

    /** Locks the order and applies one input; fails when there is no such order. */
    public Uni<Order> step(UUID orderId, Envelope cause, BiConsumer<OrderSaga, Step> input) {
        return lock(orderId).onItem()
                .ifNull()
                .failWith(() -> new UnknownOrderException(orderId))
                .flatMap(order -> apply(order, cause, input));
    }

    /** Applies one input to an order locked in this transaction. */
    public Uni<Order> apply(Order order, Envelope cause, BiConsumer<OrderSaga, Step> input) {
        SagaEffects effects = decide(order, input);
        return write(order, effects, cause).replaceWith(order);
    }

    /**
     * Starts the saga of a new order and persists the order with everything the start decided. The start is decided
     * before the order is persisted, so the order is inserted once in its started state, not inserted and updated.
     * Returns what the start recorded on the order's timeline.
     */
    public Uni<List<TimelineEntry>> start(Order order) {
        SagaEffects effects = decide(order, OrderSaga::start);
        return orders.persist(order).chain(() -> write(order, effects, null)).replaceWith(effects.timeline());
    }

    private SagaEffects decide(Order order, BiConsumer<OrderSaga, Step> input) {
        Step step = new Step(order, clock.instant());
        input.accept(saga, step);
        order.recordStep(step.now());
        return step.effects();
    }

    private Uni<Void> write(Order order, SagaEffects effects, Envelope cause) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<Message> messages = new ArrayList<>(effects.messages());
        for (CustomerNotice notice : effects.notices()) {
            messages.add(CustomerMessages.of(order, notice));
        }
        if (!messages.isEmpty()) {
            chain = chain.chain(() -> outbox.publishAll(messages, cause));
        }
        if (!effects.payments().isEmpty()) {
            chain = chain.chain(() -> payments.persist(effects.payments()));
        }
        for (SagaEffects.DeadlineKey key : effects.cancelled()) {
            chain = chain.chain(() -> deadlines.cancel(order.id(), key.kind(), key.referenceId())).replaceWithVoid();
        }
        if (!effects.scheduled().isEmpty()) {
            chain = chain.chain(() -> deadlines.persist(effects.scheduled()));
        }
        if (effects.cancelsAllDeadlines()) {
            chain = chain.chain(() -> deadlines.cancelAll(order.id())).replaceWithVoid();
        }
        if (!effects.timeline().isEmpty()) {
            chain = chain.chain(() -> timeline.append(order.platform(), effects.timeline(),
                    webhooks.payloads(order, effects.timeline()), clock.instant()));
        }
        return chain;
    }
}
