package io.backorder.order.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.backorder.contracts.Message;
import io.backorder.order.Capture;
import io.backorder.order.CaptureStatus;
import io.backorder.order.Deadline;
import io.backorder.order.Hold;
import io.backorder.order.Money;
import io.backorder.order.Order;
import io.backorder.order.OrderDraft;
import io.backorder.order.OrderLine;
import io.backorder.order.PaymentOperation;
import io.backorder.order.payment.PaymentResult;

/**
 * Runs the pure saga the way the service does, without a database: each input is one step, its effects are kept
 * (messages sent, provider calls pending, deadlines scheduled), time moves only when a test says so, and a
 * {@link ProviderModel} answers provider calls.
 */
final class SagaHarness {

    record Delivered(PaymentOperation operation, PaymentResult result) {
    }

    final OrderSaga saga;
    final ProviderModel provider;
    final Order order;
    Instant now;
    final List<Message> sent = new ArrayList<>();
    final List<CustomerNotice> notices = new ArrayList<>();
    final List<PaymentOperation> pending = new ArrayList<>();
    final List<Delivered> delivered = new ArrayList<>();
    final List<Deadline> deadlines = new ArrayList<>();

    SagaHarness(SagaPolicy policy, Duration holdDuration, OrderDraft draft, Instant start) {
        this.saga = new OrderSaga(policy);
        this.provider = new ProviderModel(holdDuration);
        this.now = start;
        this.order = Order.place(draft, start);
        step(step -> saga.start(step));
    }

    void step(Consumer<Step> input) {
        Step step = new Step(order, now);
        input.accept(step);
        order.recordStep(now);
        SagaEffects effects = step.effects();
        sent.addAll(effects.messages());
        notices.addAll(effects.notices());
        pending.addAll(effects.payments());
        for (SagaEffects.DeadlineKey key : effects.cancelled()) {
            deadlines.removeIf(d -> d.kind == key.kind() && d.referenceId.equals(key.referenceId()));
        }
        if (effects.cancelsAllDeadlines()) {
            deadlines.clear();
        }
        deadlines.addAll(effects.scheduled());
    }

    /** Answers the pending provider call at {@code index} and applies the answer. */
    PaymentResult answer(int index, ProviderModel.Outcome outcome) {
        PaymentOperation operation = pending.remove(index);
        PaymentResult result = provider.answer(operation, outcome, now);
        delivered.add(new Delivered(operation, result));
        step(step -> saga.onPaymentResult(step, operation.kind, operation.targetId, operation.paymentMethod,
                result));
        return result;
    }

    /** Answers every pending call, including the ones the answers cause, with {@code outcome}. */
    void answerAll(ProviderModel.Outcome outcome) {
        for (int round = 0; round < 50 && !pending.isEmpty(); round++) {
            answer(0, outcome);
        }
        assertThat(pending).as("provider calls still pending after draining").isEmpty();
    }

    /** Delivers an earlier answer once more, as a redelivered message would. */
    void redeliver(int index) {
        Delivered earlier = delivered.get(index);
        step(step -> saga.onPaymentResult(step, earlier.operation().kind, earlier.operation().targetId,
                earlier.operation().paymentMethod, earlier.result()));
    }

    /** Moves time and fires what became due, earliest first. */
    void advance(Duration duration) {
        now = now.plus(duration);
        List<Deadline> due;
        while (!(due = deadlines.stream()
                .filter(d -> !d.dueAt.isAfter(now))
                .sorted(Comparator.comparing(d -> d.dueAt))
                .toList()).isEmpty()) {
            Deadline next = due.get(0);
            deadlines.remove(next);
            step(step -> saga.onDeadline(step, next.kind, next.referenceId));
        }
    }

    <T extends Message> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    OrderLine line(int index) {
        return order.lines().get(index);
    }

    /** The invariants of the money, checked against the saga's books and the provider's. */
    void assertMoneyInvariants() {
        BigDecimal everAuthorized = BigDecimal.ZERO;
        for (Hold hold : order.holds()) {
            assertThat(hold.captured().signum()).as("captured of hold %d", hold.seq()).isNotNegative();
            assertThat(hold.capturing().signum()).isNotNegative();
            assertThat(hold.captured().add(hold.capturing())).as("captured + capturing of hold %d", hold.seq())
                    .isLessThanOrEqualTo(hold.amount());
            if (hold.wasAuthorized()) {
                everAuthorized = everAuthorized.add(hold.amount());
                ProviderModel.Authorization books = provider.authorization(hold.providerRef());
                assertThat(hold.captured()).as("saga and provider agree on hold %d", hold.seq())
                        .isEqualByComparingTo(books.captured);
            } else {
                assertThat(hold.captured().signum()).as("nothing captured on an unauthorized hold").isZero();
            }
        }
        for (Capture capture : order.captures()) {
            assertThat(capture.refunded().add(capture.refunding())).as("refunds of a capture")
                    .isLessThanOrEqualTo(capture.amount());
            assertThat(capture.refunded().signum()).isNotNegative();
            if (capture.status() != CaptureStatus.SUCCEEDED) {
                assertThat(capture.refunded().add(capture.refunding()).signum()).isZero();
            }
        }
        for (OrderLine line : order.lines()) {
            assertThat(order.capturedFor(line)).as("captured for %s", line.sku())
                    .isLessThanOrEqualTo(line.chargeable());
            assertThat(order.refundedFor(line)).isLessThanOrEqualTo(order.capturedFor(line));
        }
        assertThat(order.capturedTotal()).as("captured <= authorized").isLessThanOrEqualTo(everAuthorized);
        assertThat(order.refundedTotal()).as("refunded <= captured").isLessThanOrEqualTo(order.capturedTotal());
        assertThat(order.authorizedTotal().signum()).isNotNegative();
        Map<String, BigDecimal> refundedByHold = order.captures()
                .stream()
                .filter(c -> c.holdId() != null)
                .collect(Collectors.groupingBy(c -> order.hold(c.holdId()).providerRef(),
                        Collectors.reducing(BigDecimal.ZERO, Capture::refunded, BigDecimal::add)));
        refundedByHold.forEach((reference, refunded) -> assertThat(refunded).as("refunds agree on %s", reference)
                .isEqualByComparingTo(provider.authorization(reference).refunded));
        provider.assertBooksBalance();
    }

    static BigDecimal eur(String amount) {
        return Money.round(new BigDecimal(amount), "EUR");
    }
}
