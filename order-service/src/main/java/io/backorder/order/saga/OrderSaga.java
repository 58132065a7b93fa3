package io.backorder.order.saga;

import static io.backorder.order.IllegalTransitionException.require;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.backorder.contracts.inventory.FindSubstitutes;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.LineRejected;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.ReservedStockShipped;
import io.backorder.contracts.inventory.ShipReservedStock;
import io.backorder.contracts.inventory.StockAllocated;
import io.backorder.contracts.inventory.StockReleased;
import io.backorder.contracts.inventory.StockReservationResult;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.inventory.SubstitutesFound;
import io.backorder.contracts.notification.ApplyCustomerDecision;
import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.CustomerNotified;
import io.backorder.contracts.notification.LinkAction;
import io.backorder.contracts.notification.OfferOptionKind;
import io.backorder.contracts.order.LineCancelled;
import io.backorder.contracts.order.OfferMade;
import io.backorder.contracts.order.OfferSettled;
import io.backorder.contracts.order.OrderPlaced;
import io.backorder.contracts.order.PaymentRefunded;
import io.backorder.contracts.supplier.DropshipArranged;
import io.backorder.order.AlternativePricing;
import io.backorder.order.Capture;
import io.backorder.order.CaptureStatus;
import io.backorder.order.ConsolationKind;
import io.backorder.order.Deadline;
import io.backorder.order.DeadlineKind;
import io.backorder.order.Hold;
import io.backorder.order.HoldStatus;
import io.backorder.order.LineState;
import io.backorder.order.Money;
import io.backorder.order.Offer;
import io.backorder.order.OfferOption;
import io.backorder.order.OfferStatus;
import io.backorder.order.Order;
import io.backorder.order.OrderLine;
import io.backorder.order.OrderStatus;
import io.backorder.order.PaymentAction;
import io.backorder.order.PaymentMethodStatus;
import io.backorder.order.PaymentOperation;
import io.backorder.order.PaymentOperationKind;
import io.backorder.order.Refund;
import io.backorder.order.RefundStatus;
import io.backorder.order.Shipment;
import io.backorder.order.ShipmentLine;
import io.backorder.order.ShipmentStatus;
import io.backorder.order.payment.PaymentResult;

/**
 * The order saga: reacts to one input at a time (a reply, an event, a provider answer, a deadline, a platform
 * request) and then {@linkplain #reconcile reconciles}: it derives from the order's state which provider calls,
 * messages and deadlines are still missing and issues exactly those. Because every in-flight call is visible in
 * the state, a repeated or reordered input and a step run again after a crash find nothing left to do twice.
 * <p>
 * Pure: no I/O. The caller persists the order and the step's {@link SagaEffects} in one transaction.
 */
public final class OrderSaga {

    private final SagaPolicy policy;

    public OrderSaga(SagaPolicy policy) {
        this.policy = policy;
    }

    public SagaPolicy policy() {
        return policy;
    }

    // ------------------------------------------------------------------ inputs from the platform

    /** A new order: inventory decides every line. */
    public void start(Step step) {
        Order order = step.order();
        step.record("order.placed", null, "Placed with %d line(s) worth %s %s, %s".formatted(order.lines().size(),
                order.currency(), order.openValue(), order.shipComplete()
                        ? "shipping complete"
                        : "shipping what is available"));
        step.effects()
                .send(new OrderPlaced(order.id(), order.customerId(), order.customerTier(), order.placedAt(),
                        order.lines()
                                .stream()
                                .map(line -> new OrderPlaced.Line(line.id(), line.sku(), line.quantity()))
                                .toList(),
                        order.quoteId()));
        step.effects().send(reserveStock(order, order.lines()));
    }

    public void cancelOrder(Step step, String reason) {
        Order order = step.order();
        order.beginCancellation(reason);
        step.record("order.cancellation_requested", null, reason);
        for (OrderLine line : order.lines()) {
            if (line.isOpen() || line.state() == LineState.SHIPPED) {
                cancel(step, line, reason, reason);
            }
        }
        reconcile(step);
    }

    public void cancelLine(Step step, UUID lineId, String reason) {
        Order order = step.order();
        require(order.acceptsLineChanges(), "Order %s is %s; its lines cannot be cancelled", order.id(),
                order.status());
        cancel(step, order.line(lineId), reason, reason);
        reconcile(step);
    }

    /**
     * The platform wants to ship units of some lines. They are captured first; the shipment is confirmed (and the
     * stock taken off) once every capture succeeded. Validates everything before changing anything. Reporting the
     * same shipment again returns it unchanged.
     */
    public Shipment requestShipment(Step step, String externalId, Map<UUID, Integer> units) {
        Order order = step.order();
        Optional<Shipment> known = order.shipmentByExternalId(externalId);
        if (known.isPresent()) {
            Map<UUID, Integer> reported = order.linesOfShipment(known.get().id())
                    .stream()
                    .collect(Collectors.toMap(ShipmentLine::lineId, ShipmentLine::quantity, Integer::sum));
            require(reported.equals(units), "Shipment %s was already reported with other lines", externalId);
            return known.get();
        }
        require(order.status() == OrderStatus.OPEN, "Order %s is %s; only an open order ships", order.id(),
                order.status());
        require(!units.isEmpty(), "A shipment needs at least one line");
        units.forEach((lineId, count) -> {
            OrderLine line = order.line(lineId);
            require(count > 0 && count <= order.shippableUnits(line),
                    "Line %s (%s) has %d unit(s) ready to ship, not %d", lineId, line.state(),
                    order.shippableUnits(line), count);
        });
        if (order.shipComplete()) {
            List<String> waiting = order.lines().stream().filter(OrderLine::isWaiting).map(OrderLine::sku).toList();
            require(waiting.isEmpty(), "Order %s ships complete and %s still wait for stock", order.id(), waiting);
        }
        Shipment shipment = order.newShipment(externalId, step.now());
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<UUID, Integer> entry : units.entrySet()) {
            OrderLine line = order.line(entry.getKey());
            BigDecimal amount = order.billFor(line, entry.getValue());
            total = total.add(amount);
            order.newCapture(order.addShipmentLine(shipment, line, entry.getValue(), amount), step.now());
        }
        step.record("shipment.requested", null, "Shipment %s of %d unit(s); capturing %s %s before it may leave"
                .formatted(externalId, units.values().stream().mapToInt(Integer::intValue).sum(), order.currency(),
                        total));
        reconcile(step);
        return shipment;
    }

    // ------------------------------------------------------------------ replies and events from inventory

    public void onReservation(Step step, StockReservationResult result) {
        Order order = step.order();
        OrderLine line = order.line(result.lineId());
        if (line.state() == LineState.PENDING) {
            if (result instanceof StockReserved reserved) {
                line.reserveAll();
                step.record("line.reserved", line.id(), "All %d unit(s) of %s reserved at %s".formatted(
                        line.quantity(), line.sku(), reserved.locationId()));
            } else if (result instanceof LineBackordered backordered) {
                line.backorder(backordered.reservedQuantity(), backordered.backorderedQuantity(), backordered.kind(),
                        backordered.promiseDate(), backordered.confidence());
                step.record("line.backordered", line.id(), "%d unit(s) reserved, %d %s, promised for %s (%s confidence)"
                        .formatted(line.reserved(), line.backordered(), backordered.kind().name().toLowerCase(),
                                line.promiseDate(), backordered.confidence()));
                if (order.status() == OrderStatus.OPEN) {
                    offerIfPastLatestAcceptableDate(step, line);
                }
            } else if (result instanceof LineRejected rejected) {
                line.reject(rejected.reason());
                step.record("line.rejected", line.id(), "%s cannot be ordered: %s".formatted(line.sku(),
                        rejected.reason()));
            }
        } else if (line.isCompensated() && !(result instanceof LineRejected)) {
            // The release may have reached inventory before the reservation: release again, it is idempotent.
            step.effects().releaseStock(line.id(), line.releaseReason());
            step.record("line.late_reservation_released", line.id(),
                    "Inventory reserved the line after it was cancelled; released again");
        }
        reconcile(step);
    }

    public void onPromiseDateChanged(Step step, PromiseDateChanged event) {
        Order order = step.order();
        OrderLine line = order.line(event.lineId());
        LocalDate previous = line.promiseDate();
        if (line.isWaiting() && line.changePromise(event.newDate(), event.confidence())) {
            step.record("line.promise_changed", line.id(), "Promise moved from %s to %s (%s)".formatted(previous,
                    line.promiseDate(), event.reason()));
            Optional<String> slip = slipReason(order, line);
            Optional<Offer> active = order.activeOffer(line.id());
            if (slip.isPresent() && active.isEmpty()) {
                beginOffer(step, line, slip.get());
            } else {
                if (slip.isEmpty() && active.isPresent()) {
                    withdraw(step, active.get(), "the promise recovered to " + line.promiseDate());
                }
                step.effects()
                        .notifyCustomer(new CustomerNotice(CustomerMessageKind.PROMISE_DATE_CHANGED, null,
                                Set.of(), "%s:promise:%s:%s".formatted(order.id(), line.id(), line.promiseDate())));
            }
        }
        reconcile(step);
    }

    public void onStockAllocated(Step step, StockAllocated event) {
        Order order = step.order();
        OrderLine line = order.line(event.lineId());
        if (line.isCompensated()) {
            step.effects().releaseStock(line.id(), line.releaseReason());
            step.record("line.late_allocation_released", line.id(),
                    "Goods were allocated after the line was cancelled; released to the next backorder");
        } else if (line.isOpen() && line.isDecided() && line.allocate(event.remainingBackordered())) {
            step.record("line.allocated", line.id(),
                    "%d unit(s) allocated from received goods, %d still backordered (%s)"
                            .formatted(event.quantity(), line.backordered(), event.explanation()));
            if (line.backordered() == 0) {
                order.activeOffer(line.id()).ifPresent(offer -> withdraw(step, offer, "the goods arrived"));
            }
            step.effects()
                    .notifyCustomer(new CustomerNotice(CustomerMessageKind.ALLOCATED, null, Set.of(),
                            "%s:allocated:%s:%d".formatted(order.id(), line.id(), line.backordered())));
        }
        reconcile(step);
    }

    public void onDropshipArranged(Step step, DropshipArranged event) {
        Order order = step.order();
        OrderLine line = order.line(event.lineId());
        if (line.isCompensated()) {
            order.flagAttention("Dropship " + event.purchaseOrderId() + " was arranged for cancelled line "
                    + line.id());
            step.record("line.dropship_for_cancelled_line", line.id(),
                    "Supplier %s was asked to ship a cancelled line (PO %s)"
                            .formatted(event.supplierId(), event.purchaseOrderId()));
        } else if (line.isWaiting()) {
            int moved = line.arrangeDropship(event.quantity(), event.eta());
            step.record("line.dropship_arranged", line.id(),
                    "%d unit(s) ship directly from supplier %s (PO %s), expected %s"
                            .formatted(moved, event.supplierId(), event.purchaseOrderId(), event.eta()));
            if (line.backordered() == 0) {
                order.activeOffer(line.id())
                        .ifPresent(offer -> withdraw(step, offer, "the line ships from a supplier"));
            }
        }
        reconcile(step);
    }

    public void onSubstitutesFound(Step step, SubstitutesFound reply) {
        Order order = step.order();
        Optional<Offer> preparing = order.activeOffer(reply.lineId())
                .filter(offer -> offer.status() == OfferStatus.PREPARING);
        if (preparing.isPresent()) {
            step.effects().cancel(DeadlineKind.SUBSTITUTES_TIMEOUT, preparing.get().id());
            makeOffer(step, preparing.get(), reply.substitutes() == null ? List.of() : reply.substitutes());
        }
        reconcile(step);
    }

    public void onStockReleased(Step step, StockReleased reply) {
        OrderLine line = step.order().line(reply.lineId());
        if (line.isCompensated() && line.markStockReleased()) {
            step.record("line.stock_released", line.id(), "Inventory gave back %d reserved and %d backordered unit(s)"
                    .formatted(reply.releasedReserved(), reply.releasedBackordered()));
        }
        reconcile(step);
    }

    public void onReservedStockShipped(Step step, ReservedStockShipped reply) {
        if (reply.quantity() > 0) {
            step.record("shipment.recorded_by_inventory", reply.lineId(),
                    "Inventory took %d unit(s) of %s off stock for shipment %s"
                            .formatted(reply.quantity(), reply.sku(), reply.shipmentId()));
        }
        reconcile(step);
    }

    // ------------------------------------------------------------------ customer

    public void onCustomerNotified(Step step, CustomerNotified event) {
        step.record("customer.notified", null, "%s: %s%s".formatted(event.kind(), event.outcome(),
                event.channels() == null || event.channels().isBlank() ? "" : " via " + event.channels()));
    }

    public void onCustomerDecision(Step step, ApplyCustomerDecision decision) {
        Order order = step.order();
        Offer offer = order.findOffer(decision.offerId())
                .orElseThrow(() -> new IllegalArgumentException("Order " + order.id() + " has no offer "
                        + decision.offerId()));
        if (decision.decisionId() != null && decision.decisionId().equals(offer.decisionId())) {
            return;
        }
        Optional<OfferOption> option = offer.option(decision.option(), decision.alternativeSku())
                .filter(o -> decision.lineId() == null || decision.lineId().equals(offer.lineId()));
        if (!offer.isOpen()) {
            step.record("offer.decision_rejected", offer.lineId(), "Decision %s arrived after the offer was %s"
                    .formatted(decision.option(), offer.status().name().toLowerCase()));
        } else if (option.isEmpty() || !applicable(order, offer, option.get())) {
            step.record("offer.decision_rejected", offer.lineId(), "Option %s%s is not possible for this offer"
                    .formatted(decision.option(), decision.alternativeSku() == null
                            ? ""
                            : " (" + decision.alternativeSku() + ")"));
        } else {
            offer.accept(decision.decisionId(), option.get(), step.now());
            closeOfferDeadlines(step, offer);
            step.record("offer.accepted", offer.lineId(), "Customer chose: " + option.get().description());
            apply(step, offer, option.get(), true);
        }
        reconcile(step);
    }

    public void onPaymentMethodUpdated(Step step, String paymentMethod) {
        Order order = step.order();
        if (order.status() != OrderStatus.RESERVING && order.status() != OrderStatus.OPEN) {
            step.record("payment.method_update_ignored", null, "Order is " + order.status());
            return;
        }
        if (paymentMethod.equals(order.paymentMethod()) && !order.hasPaymentAction()) {
            return;
        }
        order.changePaymentMethod(paymentMethod);
        for (OrderLine line : order.lines()) {
            if (order.isCoveredBy(line, hold -> !hold.paymentMethod().equals(paymentMethod))
                    || order.isCoveredBy(line, hold -> !hold.isLive())) {
                line.uncover();
            }
        }
        for (Shipment shipment : order.shipments()) {
            if (shipment.status() == ShipmentStatus.ON_HOLD) {
                for (ShipmentLine shipmentLine : order.linesOfShipment(shipment.id())) {
                    if (!shipmentLine.cancelled()
                            && order.capture(shipmentLine.captureId()).status() == CaptureStatus.FAILED) {
                        order.newCapture(shipmentLine, step.now());
                    }
                }
                shipment.resume();
            }
        }
        if (order.hasPaymentAction()) {
            order.clearPaymentAction();
            step.effects().cancel(DeadlineKind.PAYMENT_UPDATE, order.id());
        }
        step.record("payment.method_updated", null,
                "The customer gave a new payment method; open amounts are authorized on it again");
        reconcile(step);
    }

    // ------------------------------------------------------------------ payment provider answers

    public void onPaymentResult(Step step, PaymentOperationKind kind, UUID targetId, String paymentMethod,
            PaymentResult result) {
        switch (kind) {
            case AUTHORIZE -> authorizationAnswered(step, step.order().hold(targetId), result);
            case VERIFY -> verificationAnswered(step, paymentMethod, result);
            case CAPTURE -> captureAnswered(step, step.order().capture(targetId), result);
            case RELEASE -> releaseAnswered(step, step.order().hold(targetId), result);
            case REFUND -> refundAnswered(step, step.order().refund(targetId), result);
        }
        reconcile(step);
    }

    private void authorizationAnswered(Step step, Hold hold, PaymentResult result) {
        Order order = step.order();
        if (hold.status() != HoldStatus.PENDING) {
            return;
        }
        if (result instanceof PaymentResult.Approved approved) {
            hold.activate(approved.reference(), approved.expiresAt());
            if (hold.paymentMethod().equals(order.paymentMethod())) {
                order.paymentMethodProven();
            }
            step.effects()
                    .schedule(Deadline.of(order.id(), DeadlineKind.REAUTHORIZE, hold.id(),
                            policy.charging().reauthorizeAt(step.now(), approved.expiresAt()), step.now()));
            step.record("payment.authorized", null, "%s %s held until %s".formatted(order.currency(),
                    hold.amount(), approved.expiresAt()));
            return;
        }
        hold.decline(result.describe());
        step.record("payment.authorization_declined", null, "Authorization of %s %s %s".formatted(order.currency(),
                hold.amount(), result.describe()));
        Optional<Hold> renewed = order.findHold(hold.replaces()).filter(h -> h.status() == HoldStatus.ACTIVE);
        for (OrderLine line : order.lines()) {
            if (hold.id().equals(line.holdId())) {
                renewed.ifPresentOrElse(previous -> line.coverBy(previous.id()), line::uncover);
            }
        }
        if (hold.paymentMethod().equals(order.paymentMethod())) {
            requirePaymentAction(step, PaymentAction.AUTHORIZATION_DECLINED);
        }
    }

    private void verificationAnswered(Step step, String paymentMethod, PaymentResult result) {
        Order order = step.order();
        if (order.paymentMethodStatus() != PaymentMethodStatus.VERIFYING
                || !order.paymentMethod().equals(paymentMethod)) {
            return;
        }
        if (result instanceof PaymentResult.Approved) {
            order.verificationSucceeded();
            step.record("payment.verified", null, "Payment method verified for the backordered lines");
        } else {
            order.verificationDeclined();
            step.record("payment.verification_declined", null, "Payment method " + result.describe());
            requirePaymentAction(step, PaymentAction.VERIFICATION_DECLINED);
        }
    }

    private void captureAnswered(Step step, Capture capture, PaymentResult result) {
        Order order = step.order();
        if (capture.status() != CaptureStatus.REQUESTED) {
            return;
        }
        Hold hold = order.hold(capture.holdId());
        if (result instanceof PaymentResult.Approved approved) {
            capture.succeed(approved.reference());
            hold.captureSucceeded(capture.amount());
            step.record("payment.captured", capture.lineId(), "Captured %s %s for shipment %s".formatted(
                    order.currency(), capture.amount(), order.shipment(capture.shipmentId()).externalId()));
        } else if (result instanceof PaymentResult.Expired expired) {
            capture.lapse(expired.describe());
            hold.captureAbandoned(capture.amount());
            if (hold.status() == HoldStatus.ACTIVE) {
                expire(step, hold);
            }
            order.newCapture(order.shipmentLine(capture.shipmentLineId()), step.now());
        } else {
            capture.fail(result.describe());
            hold.captureAbandoned(capture.amount());
            Shipment shipment = order.shipment(capture.shipmentId());
            step.record("payment.capture_failed", capture.lineId(), "Capture of %s %s for shipment %s %s"
                    .formatted(order.currency(), capture.amount(), shipment.externalId(), result.describe()));
            if (shipment.isPending() && order.line(capture.lineId()).isOpen()) {
                if (shipment.status() == ShipmentStatus.AWAITING_PAYMENT) {
                    shipment.putOnHold();
                }
                requirePaymentAction(step, PaymentAction.CAPTURE_FAILED);
            }
        }
    }

    private void releaseAnswered(Step step, Hold hold, PaymentResult result) {
        if (hold.status() != HoldStatus.RELEASING) {
            return;
        }
        boolean approved = result instanceof PaymentResult.Approved;
        hold.released(approved ? null : result.describe());
        step.record("payment.hold_released", null, "Hold #%d released%s".formatted(hold.seq(), approved
                ? ""
                : " (" + result.describe() + ")"));
    }

    private void refundAnswered(Step step, Refund refund, PaymentResult result) {
        Order order = step.order();
        if (refund.status() != RefundStatus.REQUESTED) {
            return;
        }
        Capture capture = order.capture(refund.captureId());
        if (result instanceof PaymentResult.Approved approved) {
            refund.succeed(approved.reference());
            capture.refundSucceeded(refund.amount());
            step.effects().send(new PaymentRefunded(order.id(), refund.lineId(), refund.amount(), order.currency()));
            step.record("payment.refunded", refund.lineId(), "Refunded %s %s".formatted(order.currency(),
                    refund.amount()));
        } else {
            refund.fail(result.describe());
            capture.refundAbandoned(refund.amount());
            order.flagAttention("Refund of " + order.currency() + " " + refund.amount() + " " + result.describe());
            step.record("payment.refund_failed", refund.lineId(), "Refund of %s %s %s; an operator has to look at it"
                    .formatted(order.currency(), refund.amount(), result.describe()));
        }
    }

    // ------------------------------------------------------------------ deadlines

    public void onDeadline(Step step, DeadlineKind kind, UUID referenceId) {
        Order order = step.order();
        switch (kind) {
            case REAUTHORIZE -> order.findHold(referenceId).ifPresent(hold -> renew(step, hold));
            case OFFER_REMINDER -> order.findOffer(referenceId)
                    .filter(offer -> offer.isOpen() && !offer.reminded())
                    .ifPresent(offer -> {
                        offer.remind();
                        step.effects()
                                .notifyCustomer(new CustomerNotice(CustomerMessageKind.OFFER_REMINDER,
                                        offer.id(), Set.of(LinkAction.DECIDE_OFFER), "%s:offer-reminder:%s"
                                                .formatted(order.id(), offer.id())));
                        step.record("offer.reminded", offer.lineId(), "Reminded the customer; the offer expires at "
                                + offer.expiresAt());
                    });
            case OFFER_EXPIRY -> order.findOffer(referenceId).filter(Offer::isOpen).ifPresent(offer -> {
                offer.expire(step.now());
                closeOfferDeadlines(step, offer);
                OfferOption fallback = offer.defaultChoice();
                step.record("offer.expired", offer.lineId(), "No answer in time; applying the default: "
                        + fallback.description());
                step.effects()
                        .notifyCustomer(new CustomerNotice(CustomerMessageKind.OFFER_EXPIRED, offer.id(),
                                Set.of(), "%s:offer-expired:%s".formatted(order.id(), offer.id())));
                apply(step, offer, fallback, false);
            });
            case SUBSTITUTES_TIMEOUT -> order.findOffer(referenceId)
                    .filter(offer -> offer.status() == OfferStatus.PREPARING)
                    .ifPresent(offer -> {
                        step.record("offer.substitutes_timeout", offer.lineId(),
                                "Inventory did not name alternatives in time; offering without them");
                        makeOffer(step, offer, List.of());
                    });
            case PAYMENT_UPDATE -> paymentUpdateOverdue(step);
        }
        reconcile(step);
    }

    private void renew(Step step, Hold hold) {
        Order order = step.order();
        boolean renewing = order.holds()
                .stream()
                .anyMatch(h -> h.status() == HoldStatus.PENDING && hold.id().equals(h.replaces()));
        if (hold.status() != HoldStatus.ACTIVE || renewing) {
            return;
        }
        if (!step.now().isBefore(hold.expiresAt())) {
            expire(step, hold);
        }
        List<OrderLine> covered = order.lines()
                .stream()
                .filter(line -> line.isOpen() && hold.id().equals(line.holdId()))
                .toList();
        List<OrderLine> keep = covered.stream().filter(line -> needsHold(order, line, step.today())).toList();
        covered.stream().filter(line -> !keep.contains(line)).forEach(OrderLine::uncover);
        if (keep.isEmpty()) {
            if (!covered.isEmpty()) {
                step.record("payment.hold_not_renewed", null,
                        "Hold #%d is not renewed: its lines wait beyond the authorization window and are authorized when stock is allocated"
                                .formatted(hold.seq()));
            }
            return;
        }
        UUID replaces = hold.status() == HoldStatus.ACTIVE ? hold.id() : null;
        authorize(step, keep, "renewal of hold #" + hold.seq(), replaces);
    }

    private void paymentUpdateOverdue(Step step) {
        Order order = step.order();
        if (!order.hasPaymentAction()) {
            return;
        }
        List<OrderLine> unpaid = order.lines()
                .stream()
                .filter(line -> line.isOpen() && line.isDecided() && isUnpaid(order, line, step.today()))
                .toList();
        order.clearPaymentAction();
        step.record("payment.update_overdue", null,
                "No working payment method by the deadline; %d line(s) released to the next backorders"
                        .formatted(unpaid.size()));
        String reason = "payment method was not updated in time";
        unpaid.forEach(line -> cancel(step, line, reason, reason));
    }

    private boolean isUnpaid(Order order, OrderLine line, LocalDate today) {
        boolean failedCapture = order.pendingShipmentLines(line.id())
                .stream()
                .anyMatch(sl -> order.capture(sl.captureId()).status() == CaptureStatus.FAILED);
        boolean declinedHold = needsHold(order, line, today)
                && !order.isCoveredBy(line, hold -> hold.status() == HoldStatus.ACTIVE);
        boolean unverified = order.paymentMethodStatus() == PaymentMethodStatus.DECLINED && line.isWaiting()
                && !order.isCoveredBy(line, Hold::isLive);
        return failedCapture || declinedHold || unverified;
    }

    // ------------------------------------------------------------------ reconciliation

    /** Issues whatever the state still lacks; finds nothing to do when run again. */
    private void reconcile(Step step) {
        Order order = step.order();
        if (order.status() == OrderStatus.RESERVING) {
            if (order.lines().stream().anyMatch(line -> !line.isDecided() && line.isOpen())) {
                return;
            }
            openOrReject(step);
        }
        if (!order.hasPaymentAction()) {
            authorizeWhatIsPayable(step);
            verifyIfNeeded(step);
        }
        if (!requestWaitingCaptures(step) && !order.hasPaymentAction()) {
            authorizeWhatIsPayable(step);
        }
        confirmPaidShipments(step);
        refundCancelledLines(step);
        releaseIdleHolds(step);
        notifyCancellations(step);
        settle(step);
    }

    private void openOrReject(Step step) {
        Order order = step.order();
        if (order.lines().stream().allMatch(line -> line.state() == LineState.REJECTED)) {
            order.reject();
            step.record("order.rejected", null, "No line can be ordered");
            return;
        }
        order.open();
        Map<LineState, Long> states = order.lines()
                .stream()
                .collect(Collectors.groupingBy(OrderLine::state, Collectors.counting()));
        step.record("order.opened", null, "Every line has an outcome: " + states);
        if (order.lines().stream().anyMatch(OrderLine::isWaiting)) {
            step.effects()
                    .notifyCustomer(new CustomerNotice(CustomerMessageKind.BACKORDER_CONFIRMATION, null,
                            Set.of(), order.id() + ":backorder-confirmation"));
        }
        order.lines()
                .stream()
                .filter(OrderLine::isWaiting)
                .forEach(line -> offerIfPastLatestAcceptableDate(step,
                        line));
    }

    /**
     * A line needs a hold when units are ready (or captures wait for one), or when its promise lies within the
     * provider's authorization window. Later backorders are not charged for goods that do not exist yet.
     */
    private boolean needsHold(Order order, OrderLine line, LocalDate today) {
        if (!line.isOpen() || !line.isDecided() || !Money.positive(order.coverNeeded(line))) {
            return false;
        }
        boolean withinWindow = line.backordered() > 0 && line.promiseDate() != null
                && !line.promiseDate().isAfter(today.plusDays(policy.charging().authorizationWindowDays()));
        return line.readyUnits() > 0 || order.hasWaitingCapture(line) || withinWindow;
    }

    private void authorizeWhatIsPayable(Step step) {
        Order order = step.order();
        List<OrderLine> payable = order.lines()
                .stream()
                .filter(line -> needsHold(order, line, step.today()) && !order.isCoveredBy(line, Hold::isLive))
                .toList();
        if (!payable.isEmpty()) {
            authorize(step, payable, order.holds().isEmpty() ? "checkout" : "lines became payable", null);
        }
    }

    private void authorize(Step step, List<OrderLine> lines, String purpose, UUID replaces) {
        Order order = step.order();
        BigDecimal amount = Money.sum(lines.stream().map(order::coverNeeded));
        Hold hold = order.requestHold(amount, purpose, replaces, step.now());
        lines.forEach(line -> line.coverBy(hold.id()));
        step.effects().pay(PaymentOperation.authorize(order, hold, step.now()));
        step.record("payment.authorization_requested", null, "Authorizing %s %s for %s (%s)".formatted(
                order.currency(), amount, lines.stream().map(OrderLine::sku).toList(), purpose));
    }

    private void verifyIfNeeded(Step step) {
        Order order = step.order();
        if (order.paymentMethodStatus() != PaymentMethodStatus.UNVERIFIED) {
            return;
        }
        boolean unheldBackorder = order.lines()
                .stream()
                .anyMatch(line -> line.isWaiting() && !order.isCoveredBy(line, Hold::isLive));
        boolean proving = order.holds()
                .stream()
                .anyMatch(hold -> hold.isLive() && hold.paymentMethod().equals(order.paymentMethod()));
        if (unheldBackorder && !proving) {
            order.startVerification();
            step.effects().pay(PaymentOperation.verify(order, step.now()));
            step.record("payment.verification_requested", null,
                    "Backorders promised beyond the authorization window are not charged yet; verifying the payment method");
        }
    }

    /**
     * Sends waiting captures to their line's active hold. A capture that no longer fits (a capture put back after
     * its hold lapsed needs more than the renewal covers) takes its line off that hold; returns false then, so that a
     * hold for the whole open amount is requested.
     */
    private boolean requestWaitingCaptures(Step step) {
        Order order = step.order();
        boolean allFit = true;
        for (Capture capture : order.captures()) {
            if (capture.status() != CaptureStatus.WAITING) {
                continue;
            }
            if (capture.amount().signum() == 0) {
                capture.settleWithoutCharge();
                continue;
            }
            OrderLine line = order.line(capture.lineId());
            Optional<Hold> hold = order.findHold(line.holdId()).filter(h -> h.status() == HoldStatus.ACTIVE);
            if (hold.isEmpty()) {
                continue;
            }
            if (capture.amount().compareTo(hold.get().available()) > 0) {
                line.uncover();
                allFit = false;
                continue;
            }
            capture.request(hold.get().id());
            hold.get().reserveCapture(capture.amount());
            step.effects().pay(PaymentOperation.capture(order, capture, hold.get(), step.now()));
        }
        return allFit;
    }

    private void confirmPaidShipments(Step step) {
        Order order = step.order();
        for (Shipment shipment : order.shipments()) {
            if (!shipment.isPending()) {
                continue;
            }
            List<ShipmentLine> live = order.linesOfShipment(shipment.id())
                    .stream()
                    .filter(line -> !line.cancelled())
                    .toList();
            if (live.isEmpty()) {
                shipment.cancel();
                step.record("shipment.cancelled", null, "Shipment %s: all of its lines were cancelled"
                        .formatted(shipment.externalId()));
            } else if (live.stream()
                    .allMatch(line -> order.capture(line.captureId()).status() == CaptureStatus.SUCCEEDED)) {
                shipment.confirm(step.now());
                for (ShipmentLine shipmentLine : live) {
                    OrderLine line = order.line(shipmentLine.lineId());
                    int fromStock = line.ship(shipmentLine.quantity());
                    if (fromStock > 0) {
                        step.effects()
                                .send(new ShipReservedStock(order.id(), line.id(), line.sku(), fromStock,
                                        shipment.externalId()));
                    }
                }
                step.record("shipment.confirmed", null, "Shipment %s is paid and may leave".formatted(
                        shipment.externalId()));
                step.effects()
                        .notifyCustomer(new CustomerNotice(CustomerMessageKind.SHIPPED, null, Set.of(),
                                "%s:shipped:%s".formatted(order.id(), shipment.externalId())));
            }
        }
    }

    /** Cancelled lines get back everything captured for them, newest capture first. */
    private void refundCancelledLines(Step step) {
        Order order = step.order();
        for (OrderLine line : order.lines()) {
            if (line.state() != LineState.CANCELLED || order.hasFailedRefund(line)) {
                continue;
            }
            for (Capture capture : order.capturesNewestFirst(line)) {
                BigDecimal refundable = capture.refundable();
                if (Money.positive(refundable)) {
                    Refund refund = order.requestRefund(capture, refundable, line.cancelReason(), step.now());
                    step.effects()
                            .pay(PaymentOperation.refund(order, refund, order.hold(capture.holdId()),
                                    step.now()));
                    step.record("payment.refund_requested", line.id(), "Refunding %s %s (%s)".formatted(
                            order.currency(), refundable, line.cancelReason()));
                }
            }
        }
    }

    private void releaseIdleHolds(Step step) {
        Order order = step.order();
        for (Hold hold : order.holds()) {
            if (hold.status() != HoldStatus.ACTIVE) {
                continue;
            }
            boolean inUse = order.lines().stream().anyMatch(line -> line.isOpen() && hold.id().equals(line.holdId()))
                    || hold.capturing().signum() > 0
                    || order.holds()
                            .stream()
                            .anyMatch(h -> h.status() == HoldStatus.PENDING && hold.id().equals(h.replaces()));
            if (inUse) {
                continue;
            }
            step.effects().cancel(DeadlineKind.REAUTHORIZE, hold.id());
            if (hold.available().signum() == 0) {
                hold.closeFullyCaptured();
            } else {
                hold.beginRelease();
                step.effects().pay(PaymentOperation.release(order, hold, step.now()));
                step.record("payment.hold_release_requested", null, "Giving back the uncaptured %s %s of hold #%d"
                        .formatted(order.currency(), hold.available(), hold.seq()));
            }
        }
    }

    private void notifyCancellations(Step step) {
        Order order = step.order();
        List<OrderLine> settled = order.lines()
                .stream()
                .filter(line -> line.state() == LineState.CANCELLED && !line.cancellationNotified()
                        && !order.hasFailedRefund(line) && !order.hasRequestedRefund(line)
                        && order.capturesOf(line.id()).noneMatch(c -> c.status() == CaptureStatus.REQUESTED))
                .toList();
        if (settled.isEmpty()) {
            return;
        }
        settled.forEach(OrderLine::markCancellationNotified);
        String lines = settled.stream().map(line -> line.id().toString()).sorted().collect(Collectors.joining(","));
        step.effects()
                .notifyCustomer(new CustomerNotice(CustomerMessageKind.CANCELLED_AND_REFUNDED, null, Set.of(),
                        "%s:cancelled:%s".formatted(order.id(), lines)));
    }

    private void settle(Step step) {
        Order order = step.order();
        boolean settleable = order.status() == OrderStatus.OPEN || order.status() == OrderStatus.CANCELLING
                || order.status() == OrderStatus.COMPLETED;
        if (!settleable || order.lines().stream().anyMatch(OrderLine::isOpen) || order.hasMoneyInFlight()) {
            return;
        }
        boolean delivered = order.lines().stream().anyMatch(line -> line.state() == LineState.SHIPPED);
        OrderStatus outcome = delivered ? OrderStatus.COMPLETED : OrderStatus.CANCELLED;
        if (outcome == order.status()) {
            return;
        }
        order.settle(outcome);
        order.clearPaymentAction();
        step.effects().cancelAllDeadlines();
        step.record(delivered ? "order.completed" : "order.cancelled", null, "Captured %s %s, refunded %s %s"
                .formatted(order.currency(), order.capturedTotal(), order.currency(), order.refundedTotal()));
    }

    // ------------------------------------------------------------------ compensation

    /**
     * Cancels one line: validates first, then gives back stock, captures (refunds follow) and offers.
     *
     * @param reason for people (timeline, order view)
     * @param releaseReason what inventory is told; the {@link ReleaseStock} delay reasons count as demand lost to the
     *        delay
     */
    private void cancel(Step step, OrderLine line, String reason, String releaseReason) {
        Order order = step.order();
        boolean heldInInventory = line.mayHoldInventory();
        line.cancel(reason, releaseReason);
        for (ShipmentLine shipmentLine : order.pendingShipmentLines(line.id())) {
            shipmentLine.cancel();
            Capture capture = order.capture(shipmentLine.captureId());
            if (capture.status() == CaptureStatus.WAITING) {
                capture.cancel();
            }
        }
        order.activeOffer(line.id()).ifPresent(offer -> withdraw(step, offer, "the line was cancelled"));
        if (heldInInventory) {
            step.effects().releaseStock(line.id(), releaseReason);
        }
        step.effects()
                .send(new LineCancelled(order.id(), line.id(), line.sku(), line.quantity(), reason,
                        ReleaseStock.DELAY_REASONS.contains(releaseReason)));
        step.record("line.cancelled", line.id(), reason);
    }

    private void expire(Step step, Hold hold) {
        hold.expire();
        step.effects().cancel(DeadlineKind.REAUTHORIZE, hold.id());
        step.record("payment.hold_expired", null, "Hold #%d lapsed at %s; its open lines are authorized again"
                .formatted(hold.seq(), hold.expiresAt()));
    }

    private void requirePaymentAction(Step step, PaymentAction reason) {
        Order order = step.order();
        if (order.hasPaymentAction()) {
            return;
        }
        Instant deadline = step.now().plus(policy.charging().paymentUpdateWindow());
        order.requirePaymentAction(reason, deadline);
        step.effects()
                .schedule(Deadline.of(order.id(), DeadlineKind.PAYMENT_UPDATE, order.id(), deadline,
                        step.now()));
        step.effects()
                .notifyCustomer(new CustomerNotice(CustomerMessageKind.PAYMENT_METHOD_UPDATE_NEEDED, null,
                        Set.of(LinkAction.UPDATE_PAYMENT_METHOD), "%s:payment-update:%d".formatted(order.id(),
                                deadline.toEpochMilli())));
        step.record("payment.action_required", null, "%s: the customer is asked to update the payment method by %s"
                .formatted(reason, deadline));
    }

    // ------------------------------------------------------------------ offers

    private Optional<String> slipReason(Order order, OrderLine line) {
        LocalDate promise = line.promiseDate();
        LocalDate latest = order.latestAcceptableDate();
        if (latest != null && promise.isAfter(latest)) {
            return Optional.of("The promise %s is after the customer's latest acceptable date %s".formatted(promise,
                    latest));
        }
        LocalDate baseline = line.offerBaselineDate() != null ? line.offerBaselineDate() : promise;
        long slipped = ChronoUnit.DAYS.between(baseline, promise);
        int threshold = policy.offers().slipThresholdDays(line.unitPrice());
        if (slipped > threshold) {
            return Optional.of("The promise slipped %d days past %s, more than the %d days accepted for %s items"
                    .formatted(slipped, baseline, threshold, policy.offers().priceClassOf(line.unitPrice())));
        }
        return Optional.empty();
    }

    private void offerIfPastLatestAcceptableDate(Step step, OrderLine line) {
        LocalDate latest = step.order().latestAcceptableDate();
        if (latest != null && line.promiseDate() != null && line.promiseDate().isAfter(latest)
                && step.order().activeOffer(line.id()).isEmpty()) {
            beginOffer(step, line, "The promise %s is after the customer's latest acceptable date %s".formatted(
                    line.promiseDate(), latest));
        }
    }

    private void beginOffer(Step step, OrderLine line, String reason) {
        Order order = step.order();
        Offer offer = order.prepareOffer(line, reason, step.now());
        if (!line.canBeSubstituted()) {
            step.record("offer.preparing", line.id(), reason);
            makeOffer(step, offer, List.of());
            return;
        }
        step.effects().send(new FindSubstitutes(order.id(), line.id(), line.sku(), line.quantity()));
        step.effects()
                .schedule(Deadline.of(order.id(), DeadlineKind.SUBSTITUTES_TIMEOUT, offer.id(),
                        step.now().plus(policy.offers().substitutesTimeout()), step.now()));
        step.record("offer.preparing", line.id(), reason + "; looking for in-stock alternatives");
    }

    private void makeOffer(Step step, Offer offer, List<SubstitutesFound.Substitute> substitutes) {
        Order order = step.order();
        OrderLine line = order.line(offer.lineId());
        if (!line.isWaiting()) {
            withdraw(step, offer, "the line no longer waits");
            return;
        }
        List<OfferOption> options = new ArrayList<>();
        options.add(keepWaiting(order, line));
        if (line.canBeSubstituted() && order.pendingShipmentLines(line.id()).isEmpty()) {
            substitutes.stream()
                    .filter(s -> s.available() >= line.quantity() && !s.sku().equals(line.sku()))
                    .limit(policy.offers().maxAlternatives())
                    .map(s -> alternative(order, line, s))
                    .forEach(options::add);
        }
        if (order.shipComplete()
                && order.lines().stream().anyMatch(other -> other != line && order.shippableUnits(other) > 0)) {
            options.add(new OfferOption(OfferOptionKind.SHIP_AVAILABLE_NOW, null, null, null, null, null,
                    "Ship the items that are ready now; this item follows when it arrives"));
        }
        options.add(new OfferOption(OfferOptionKind.CANCEL_WITH_REFUND, null, null, null, null, line.chargeable(),
                "Cancel this item; anything paid for it is refunded in full"));
        OfferOptionKind preferred = policy.offers().defaultOption();
        OfferOptionKind fallback = options.stream().anyMatch(o -> o.kind() == preferred)
                ? preferred
                : OfferOptionKind.KEEP_WAITING;
        Instant expiresAt = step.now().plus(policy.offers().ttl());
        offer.open(options, fallback, expiresAt);
        step.effects()
                .schedule(Deadline.of(order.id(), DeadlineKind.OFFER_EXPIRY, offer.id(), expiresAt,
                        step.now()));
        Instant reminder = expiresAt.minus(policy.offers().reminderBefore());
        if (reminder.isAfter(step.now())) {
            step.effects()
                    .schedule(Deadline.of(order.id(), DeadlineKind.OFFER_REMINDER, offer.id(), reminder,
                            step.now()));
        }
        step.effects()
                .notifyCustomer(new CustomerNotice(CustomerMessageKind.OFFER, offer.id(),
                        Set.of(LinkAction.DECIDE_OFFER), "%s:offer:%s".formatted(order.id(), offer.id())));
        step.effects()
                .send(new OfferMade(order.id(), offer.id(), line.id(), line.sku(), options.stream()
                        .map(OfferOption::kind)
                        .toList(), fallback, expiresAt));
        step.record("offer.made", line.id(), "Options %s; without an answer by %s: %s".formatted(options.stream()
                .map(o -> o.alternativeSku() == null ? o.kind().name() : o.kind() + "(" + o.alternativeSku() + ")")
                .toList(), expiresAt, fallback));
    }

    private OfferOption keepWaiting(Order order, OrderLine line) {
        SagaPolicy.Consolation consolation = policy.offers().consolation();
        String currency = order.currency();
        String wait = "Keep waiting for delivery by " + line.promiseDate();
        return switch (consolation.kind()) {
            case DISCOUNT -> {
                BigDecimal discount = Money.percent(order.unbilled(line), consolation.discountPercent(), currency);
                yield new OfferOption(OfferOptionKind.KEEP_WAITING, null, null, null, ConsolationKind.DISCOUNT,
                        discount, "%s and get %s%% off this item (%s %s)".formatted(wait,
                                consolation.discountPercent().stripTrailingZeros().toPlainString(), currency,
                                discount));
            }
            case VOUCHER -> new OfferOption(OfferOptionKind.KEEP_WAITING, null, null, null, ConsolationKind.VOUCHER,
                    Money.round(consolation.voucherAmount(), currency),
                    "%s and get a voucher worth %s %s for a future order"
                            .formatted(wait, currency, Money.round(consolation.voucherAmount(), currency)));
            case FREE_SHIPPING -> new OfferOption(OfferOptionKind.KEEP_WAITING, null, null, null,
                    ConsolationKind.FREE_SHIPPING, null, wait + " and get free shipping on your next order");
            case NONE -> new OfferOption(OfferOptionKind.KEEP_WAITING, null, null, null, ConsolationKind.NONE, null,
                    wait);
        };
    }

    private OfferOption alternative(Order order, OrderLine line, SubstitutesFound.Substitute substitute) {
        String currency = order.currency();
        BigDecimal listed = substitute.unitPrice() == null
                ? line.unitPrice()
                : Money.round(substitute.unitPrice(), currency);
        BigDecimal pays = policy.offers().alternativePricing() == AlternativePricing.LOWER_OF_BOTH
                ? listed.min(line.unitPrice())
                : listed;
        BigDecimal difference = pays.subtract(line.unitPrice()).multiply(BigDecimal.valueOf(line.quantity()));
        String name = substitute.name() == null ? substitute.sku() : substitute.name();
        String price = difference.signum() == 0
                ? "at the same price"
                : "%s %s %s".formatted(currency, difference.abs(), difference.signum() < 0 ? "less" : "more");
        return new OfferOption(OfferOptionKind.TAKE_ALTERNATIVE, substitute.sku(), name, pays, null, difference,
                "Switch to %s (%s), in stock now, %s".formatted(name, substitute.sku(), price));
    }

    private boolean applicable(Order order, Offer offer, OfferOption option) {
        OrderLine line = order.line(offer.lineId());
        if (!line.isWaiting()) {
            return false;
        }
        return option.kind() != OfferOptionKind.TAKE_ALTERNATIVE
                || (line.canBeSubstituted() && order.pendingShipmentLines(line.id()).isEmpty());
    }

    /** @param decided the customer chose the option (rather than the offer expiring into it) */
    private void apply(Step step, Offer offer, OfferOption option, boolean decided) {
        Order order = step.order();
        OrderLine line = order.line(offer.lineId());
        BigDecimal consolationCost = option.kind() == OfferOptionKind.KEEP_WAITING
                ? console(step, offer, line, option)
                : BigDecimal.ZERO;
        step.effects()
                .send(new OfferSettled(order.id(), offer.id(), line.id(), line.sku(), option.kind(), decided,
                        option.consolation() == null ? ConsolationKind.NONE.name() : option.consolation().name(),
                        consolationCost, order.currency()));
        switch (option.kind()) {
            case KEEP_WAITING -> line.resetOfferBaseline();
            case TAKE_ALTERNATIVE -> {
                OrderLine replacement = order.addSubstitute(line, option.alternativeSku(), option.alternativeName(),
                        option.alternativeUnitPrice(), ReleaseStock.REASON_CUSTOMER_DECLINED_DELAY, step.now());
                step.effects().releaseStock(line.id(), line.releaseReason());
                step.effects().send(reserveStock(order, List.of(replacement)));
                step.record("line.substituted", line.id(), "Replaced by %s (%s) at %s %s per unit".formatted(
                        replacement.description(), replacement.sku(), order.currency(), replacement.unitPrice()));
            }
            case SHIP_AVAILABLE_NOW -> {
                if (order.shipComplete()) {
                    order.liftShipComplete();
                    step.record("order.ship_complete_lifted", line.id(),
                            "The ready items may ship now; this item follows when it arrives");
                }
                line.resetOfferBaseline();
            }
            case CANCEL_WITH_REFUND -> {
                if (decided) {
                    cancel(step, line, "the customer cancelled the item after its promise slipped",
                            ReleaseStock.REASON_CUSTOMER_DECLINED_DELAY);
                } else {
                    cancel(step, line, "the delay offer expired into a cancellation",
                            ReleaseStock.REASON_DELAY_EXPIRED);
                }
            }
        }
    }

    /** @return what the consolation costs the shop: the discount granted or the voucher's value */
    private BigDecimal console(Step step, Offer offer, OrderLine line, OfferOption option) {
        Order order = step.order();
        ConsolationKind kind = option.consolation() == null ? ConsolationKind.NONE : option.consolation();
        return switch (kind) {
            case DISCOUNT -> {
                BigDecimal discount = option.amount().min(order.unbilled(line));
                if (Money.positive(discount)) {
                    line.grantDiscount(discount);
                    step.record("payment.discount_granted", line.id(), "%s %s off, taken off before capture"
                            .formatted(order.currency(), discount));
                    yield discount;
                }
                yield BigDecimal.ZERO;
            }
            case VOUCHER, FREE_SHIPPING -> {
                String code = "BO-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
                offer.grantVoucher(code);
                step.record("offer.voucher_granted", line.id(), kind == ConsolationKind.VOUCHER
                        ? "Voucher %s worth %s %s for a future order".formatted(code, order.currency(),
                                option.amount())
                        : "Voucher %s for free shipping on a future order".formatted(code));
                yield option.amount() == null ? BigDecimal.ZERO : option.amount();
            }
            case NONE -> BigDecimal.ZERO;
        };
    }

    private void withdraw(Step step, Offer offer, String why) {
        offer.withdraw(step.now());
        closeOfferDeadlines(step, offer);
        step.record("offer.withdrawn", offer.lineId(), "Offer withdrawn: " + why);
    }

    private static void closeOfferDeadlines(Step step, Offer offer) {
        step.effects().cancel(DeadlineKind.OFFER_REMINDER, offer.id());
        step.effects().cancel(DeadlineKind.OFFER_EXPIRY, offer.id());
        step.effects().cancel(DeadlineKind.SUBSTITUTES_TIMEOUT, offer.id());
    }

    private static ReserveStock reserveStock(Order order, List<OrderLine> lines) {
        return new ReserveStock(order.id(), order.customerId(), order.customerTier(), order.openValue(),
                order.placedAt(), order.shipComplete(), order.latestAcceptableDate(), lines.stream()
                        .map(line -> new ReserveStock.Line(line.id(), line.sku(), line.quantity()))
                        .toList());
    }
}
