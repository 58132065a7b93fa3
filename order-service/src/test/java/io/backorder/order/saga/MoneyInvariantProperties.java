package io.backorder.order.saga;

import static io.backorder.order.saga.Policies.START;
import static io.backorder.property.Draw.weight;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.FindSubstitutes;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.LineRejected;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.RejectionReason;
import io.backorder.contracts.inventory.StockAllocated;
import io.backorder.contracts.inventory.StockReservationResult;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.inventory.SubstitutesFound;
import io.backorder.contracts.notification.ApplyCustomerDecision;
import io.backorder.order.HoldStatus;
import io.backorder.order.IllegalTransitionException;
import io.backorder.order.LineState;
import io.backorder.order.Offer;
import io.backorder.order.OfferOption;
import io.backorder.order.OfferStatus;
import io.backorder.order.Order;
import io.backorder.order.OrderDraft;
import io.backorder.order.OrderLine;
import io.backorder.order.OrderStatus;
import io.backorder.order.ShippingPreference;
import io.backorder.property.Draw;
import io.backorder.property.PropertyTest;

/**
 * Thousands of random histories of one order against the pure saga: inventory outcomes in any order and repeated,
 * provider answers approved or declined in any order and delivered again, partial shipments, cancellations,
 * promise slips, allocations, offers and decisions, payment method updates, and time passing over holds and
 * deadlines. After every input the money must balance: never captured more than authorized, never refunded more than
 * captured, nothing negative, the saga's books equal to the provider's. A refused request must change nothing.
 */
class MoneyInvariantProperties {

    sealed interface Action {
    }

    record Reply(int line, int outcome) implements Action {
    }

    record Answer(int pick, boolean approve) implements Action {
    }

    record Redeliver(int pick) implements Action {
    }

    record Ship(int line, int units) implements Action {
    }

    record CancelLine(int line) implements Action {
    }

    record CancelOrder() implements Action {
    }

    record Slip(int line, int days) implements Action {
    }

    record Allocate(int line, int remaining) implements Action {
    }

    record Decide(int offer, int option) implements Action {
    }

    record Substitutes(int count) implements Action {
    }

    record UpdatePaymentMethod() implements Action {
    }

    record Advance(int hours) implements Action {
    }

    record History(OrderDraft order, List<Action> actions) {
    }

    private static final int REACH_SAMPLE = 500;

    @PropertyTest(tries = 3000)
    void moneyBalancesAfterEveryInput(Draw draw) {
        play(history(draw));
    }

    /**
     * The histories must reach the interesting places, or the property proves little: each in at least one history of
     * fifty (the rarest, a refund, comes in about one of twenty-five).
     */
    @Test
    void theHistoriesReachEveryInterestingPlace() {
        Map<String, Predicate<Order>> places = Map.of(
                "money captured", order -> order.capturedTotal().signum() > 0,
                "money refunded", order -> order.refundedTotal().signum() > 0,
                "an offer made", order -> !order.offers().isEmpty(),
                "a hold renewed", order -> order.holds().size() > 1,
                "completed", order -> order.status() == OrderStatus.COMPLETED,
                "cancelled", order -> order.status() == OrderStatus.CANCELLED,
                "still open", order -> order.status() == OrderStatus.OPEN);
        List<Order> orders = Draw.seeds(REACH_SAMPLE).map(draw -> play(history(draw)).order).toList();

        Map<String, Long> reached = places.entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        place -> orders.stream().filter(place.getValue()).count()));
        assertThat(reached).as("histories of %d reaching each place", REACH_SAMPLE)
                .allSatisfy((place, count) -> assertThat(count).isGreaterThanOrEqualTo(REACH_SAMPLE / 50));
    }

    /** Applies the history's inputs, checking the money after each, then lets the provider answer what is left. */
    private static SagaHarness play(History history) {
        SagaHarness h = new SagaHarness(Policies.standard(), Policies.HOLD, history.order(), START);
        Map<UUID, StockReservationResult> inventory = new HashMap<>();
        for (Action action : history.actions()) {
            apply(h, action, inventory);
            h.assertMoneyInvariants();
        }
        h.answerAll(ProviderModel.Outcome.APPROVE);
        h.assertMoneyInvariants();
        assertSettled(h.order);
        return h;
    }

    /** Once nothing is in flight, every cancelled line got back what it paid and no idle hold is left. */
    private static void assertSettled(Order order) {
        for (OrderLine line : order.lines()) {
            if (line.state() == LineState.CANCELLED && !order.hasFailedRefund(line)) {
                assertThat(order.refundedFor(line)).as("refunded for cancelled %s", line.sku())
                        .isEqualByComparingTo(order.capturedFor(line));
            }
        }
        if (order.lines().stream().noneMatch(OrderLine::isOpen)) {
            assertThat(order.holds()).extracting(hold -> hold.status())
                    .doesNotContain(HoldStatus.ACTIVE, HoldStatus.PENDING, HoldStatus.RELEASING);
        }
    }

    private static void apply(SagaHarness h, Action action, Map<UUID, StockReservationResult> inventory) {
        Order order = h.order;
        List<OrderLine> lines = order.lines();
        if (action instanceof Reply reply) {
            OrderLine line = lines.get(reply.line() % lines.size());
            StockReservationResult result = inventory.computeIfAbsent(line.id(), id -> outcome(h, line,
                    reply.outcome()));
            h.step(step -> h.saga.onReservation(step, result));
        } else if (action instanceof Answer answer && !h.pending.isEmpty()) {
            h.answer(answer.pick() % h.pending.size(), answer.approve()
                    ? ProviderModel.Outcome.APPROVE
                    : ProviderModel.Outcome.DECLINE);
        } else if (action instanceof Redeliver redeliver && !h.delivered.isEmpty()) {
            h.redeliver(redeliver.pick() % h.delivered.size());
        } else if (action instanceof Ship ship) {
            OrderLine line = lines.get(ship.line() % lines.size());
            refusedChangesNothing(h, () -> h.step(step -> h.saga.requestShipment(step, "S" + h.order.shipments()
                    .size(), Map.of(line.id(), ship.units()))));
        } else if (action instanceof CancelLine cancel) {
            OrderLine line = lines.get(cancel.line() % lines.size());
            refusedChangesNothing(h, () -> h.step(step -> h.saga.cancelLine(step, line.id(), "test")));
        } else if (action instanceof CancelOrder) {
            refusedChangesNothing(h, () -> h.step(step -> h.saga.cancelOrder(step, "test")));
        } else if (action instanceof Slip slip) {
            OrderLine line = lines.get(slip.line() % lines.size());
            if (line.promiseDate() != null) {
                h.step(step -> h.saga.onPromiseDateChanged(step, new PromiseDateChanged(order.id(), line.id(),
                        line.sku(), line.promiseDate(), line.promiseDate().plusDays(slip.days()),
                        PromiseConfidence.LOW, "test")));
            }
        } else if (action instanceof Allocate allocate) {
            OrderLine line = lines.get(allocate.line() % lines.size());
            if (line.isWaiting()) {
                int remaining = Math.min(allocate.remaining(), line.backordered() - 1);
                h.step(step -> h.saga.onStockAllocated(step, new StockAllocated(order.id(), line.id(), line.sku(),
                        line.backordered() - remaining, remaining, "wh", 1.0, "test")));
            }
        } else if (action instanceof Decide decide && !order.offers().isEmpty()) {
            Offer offer = order.offers().get(decide.offer() % order.offers().size());
            if (!offer.options().isEmpty()) {
                OfferOption option = offer.options().get(decide.option() % offer.options().size());
                h.step(step -> h.saga.onCustomerDecision(step, new ApplyCustomerDecision(order.id(), offer.id(),
                        UUID.randomUUID(), option.kind(), offer.lineId(), option.alternativeSku())));
            }
        } else if (action instanceof Substitutes substitutes) {
            order.offers()
                    .stream()
                    .filter(offer -> offer.status() == OfferStatus.PREPARING)
                    .findFirst()
                    .ifPresent(offer -> {
                        FindSubstitutes search = h.sent(FindSubstitutes.class)
                                .stream()
                                .filter(s -> s.lineId().equals(offer.lineId()))
                                .reduce((first, second) -> second)
                                .orElseThrow();
                        List<SubstitutesFound.Substitute> found = java.util.stream.IntStream
                                .range(0, substitutes.count())
                                .mapToObj(i -> new SubstitutesFound.Substitute("ALT-" + i, "Alternative " + i,
                                        new BigDecimal(5 + 20 * i), 100))
                                .toList();
                        h.step(step -> h.saga.onSubstitutesFound(step, new SubstitutesFound(order.id(),
                                search.lineId(), search.sku(), found)));
                    });
        } else if (action instanceof UpdatePaymentMethod) {
            h.step(step -> h.saga.onPaymentMethodUpdated(step, "pm_card_" + h.now.toEpochMilli()));
        } else if (action instanceof Advance advance) {
            h.advance(Duration.ofHours(advance.hours()));
        }
    }

    private static StockReservationResult outcome(SagaHarness h, OrderLine line, int outcome) {
        UUID order = h.order.id();
        LocalDate today = LocalDate.ofInstant(h.now, java.time.ZoneOffset.UTC);
        return switch (outcome) {
            case 0, 1 -> new StockReserved(order, line.id(), line.sku(), line.quantity(), "wh");
            case 2 -> new LineBackordered(order, line.id(), line.sku(), 0, line.quantity(), BackorderKind.BACKORDER,
                    today.plusDays(4), PromiseConfidence.HIGH);
            case 3 -> new LineBackordered(order, line.id(), line.sku(), 0, line.quantity(), BackorderKind.BACKORDER,
                    today.plusDays(25), PromiseConfidence.MEDIUM);
            case 4 -> line.quantity() > 1 && !h.order.shipComplete()
                    ? new LineBackordered(order, line.id(), line.sku(), 1, line.quantity() - 1,
                            BackorderKind.BACKORDER, today.plusDays(12), PromiseConfidence.LOW)
                    : new StockReserved(order, line.id(), line.sku(), line.quantity(), "wh");
            default -> new LineRejected(order, line.id(), line.sku(), RejectionReason.OUT_OF_STOCK);
        };
    }

    /** A request the saga refuses must leave the order exactly as it was (the service rolls its step back). */
    private static void refusedChangesNothing(SagaHarness h, Runnable request) {
        String before = fingerprint(h.order);
        try {
            request.run();
        } catch (IllegalTransitionException refused) {
            assertThat(fingerprint(h.order)).as("state after a refused request").isEqualTo(before);
        }
    }

    static String fingerprint(Order order) {
        return order.status() + "|" + order.shipComplete() + "|" + order.paymentAction() + "|"
                + order.paymentMethodStatus() + "|"
                + order.lines()
                        .stream()
                        .map(l -> l.state() + ":" + l.reserved() + ":" + l.backordered() + ":" + l.shipped() + ":"
                                + l.discount() + ":" + l.holdId())
                        .collect(Collectors.joining(","))
                + "|" + order.holds()
                        .stream()
                        .map(h -> h.status() + ":" + h.captured() + ":" + h.capturing())
                        .collect(Collectors.joining(","))
                + "|" + order.captures()
                        .stream()
                        .map(c -> c.status() + ":" + c.refunded() + ":" + c.refunding())
                        .collect(Collectors.joining(","))
                + "|" + order.shipments().stream().map(s -> s.status().name()).collect(Collectors.joining(","))
                + "|" + order.shipmentLines()
                        .stream()
                        .map(s -> String.valueOf(s.cancelled()))
                        .collect(Collectors.joining(","))
                + "|" + order.offers().stream().map(o -> o.status().name()).collect(Collectors.joining(","));
    }

    /**
     * One to three lines; inventory answers every line first, in any order (a reply to a line the order lacks counts
     * for another: line indexes wrap), then 5 to 40 more inputs, picks wrapping the same way.
     */
    private static History history(Draw draw) {
        OrderDraft order = Policies.order(draw.oneOf(ShippingPreference.class), draw.list(1, 3,
                () -> Policies.line(draw.oneOf("A", "B", "C"), draw.between(1, 3),
                        draw.oneOf("0.00", "9.99", "20.00", "150.00", "1200.00")))
                .toArray(OrderDraft.Line[]::new));
        List<Action> actions = new ArrayList<>();
        for (int line : draw.shuffled(List.of(0, 1, 2))) {
            actions.add(new Reply(line, draw.between(0, 5)));
        }
        actions.addAll(draw.list(5, 40, () -> draw.weighted(
                weight(8, () -> new Reply(any(draw), any(draw) % 6)),
                weight(40, () -> new Answer(any(draw), draw.between(0, 5) > 0)),
                weight(5, () -> new Redeliver(any(draw))),
                weight(20, () -> new Ship(any(draw), draw.between(1, 3))),
                weight(2, () -> new CancelLine(any(draw))),
                weight(1, CancelOrder::new),
                weight(5, () -> new Slip(any(draw), draw.between(-5, 30))),
                weight(5, () -> new Allocate(any(draw), draw.between(0, 2))),
                weight(4, () -> new Decide(any(draw), any(draw))),
                weight(4, () -> new Substitutes(draw.between(0, 2))),
                weight(1, UpdatePaymentMethod::new),
                weight(4, () -> new Advance(draw.oneOf(1, 12, 30, 100, 200))))));
        return new History(order, actions);
    }

    /** A line, pending call, offer or option to pick: wraps around what there is. */
    private static int any(Draw draw) {
        return draw.between(0, 50);
    }
}
