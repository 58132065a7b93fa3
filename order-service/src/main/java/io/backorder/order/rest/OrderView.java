package io.backorder.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.RejectionReason;
import io.backorder.contracts.notification.OfferOptionKind;
import io.backorder.order.Capture;
import io.backorder.order.CaptureStatus;
import io.backorder.order.Hold;
import io.backorder.order.HoldStatus;
import io.backorder.order.LineState;
import io.backorder.order.Offer;
import io.backorder.order.OfferOption;
import io.backorder.order.OfferStatus;
import io.backorder.order.Order;
import io.backorder.order.OrderLine;
import io.backorder.order.OrderStatus;
import io.backorder.order.PaymentAction;
import io.backorder.order.PaymentMethodStatus;
import io.backorder.order.RefundStatus;
import io.backorder.order.Shipment;
import io.backorder.order.ShipmentLine;
import io.backorder.order.ShipmentStatus;
import io.backorder.order.ShippingPreference;
import io.backorder.order.TimelineEntry;

/**
 * An order as the platform sees it: per line state and promise, the money, the open offer and the timeline.
 *
 * @param readyToShip a shipment would be accepted now (something is ready and, for ship-complete orders, nothing
 *        waits)
 */
public record OrderView(UUID id, String reference, UUID quoteId, OrderStatus status, Instant placedAt,
        Instant updatedAt,
        String currency, ShippingPreference shipping, boolean readyToShip, Customer customer, List<Line> lines,
        Payment payment, OfferDetails openOffer, List<OfferDetails> offers, List<ShipmentView> shipments,
        List<Event> timeline, int version) {

    public record Customer(String id, CustomerTier tier, String locale, String email, String phone,
            LocalDate latestAcceptableDate) {
    }

    /**
     * @param amount what the customer pays for the line (after any discount)
     * @param shippable units a new shipment may take now
     */
    public record Line(UUID id, String sku, String description, int quantity, BigDecimal unitPrice,
            BigDecimal discount, BigDecimal amount, LineState state, int reserved, int backordered, int dropship,
            int shipped, int shippable, BackorderKind backorderKind, LocalDate promiseDate, LocalDate firstPromiseDate,
            List<LocalDate> promiseHistory, PromiseConfidence confidence, RejectionReason rejectionReason,
            UUID substituteFor, UUID substitutedBy, BigDecimal captured, BigDecimal refunded, String cancelReason,
            boolean stockReleased) {
    }

    /**
     * @param authorized held now and not captured
     * @param processing calls to the payment provider are under way
     * @param attention set when an operator has to look at the order (e.g. a refund the provider refused)
     */
    public record Payment(String paymentMethod, PaymentMethodStatus methodStatus, BigDecimal authorized,
            BigDecimal captured, BigDecimal refunded, boolean processing, ActionRequired actionRequired,
            String attention, List<HoldView> holds, List<RefundView> refunds) {
    }

    public record ActionRequired(PaymentAction reason, Instant deadline) {
    }

    public record HoldView(UUID id, HoldStatus status, BigDecimal amount, BigDecimal captured, Instant expiresAt,
            String purpose, String failure, Instant createdAt) {
    }

    public record RefundView(UUID id, UUID lineId, BigDecimal amount, RefundStatus status, String reason,
            String failure) {
    }

    public record OfferDetails(UUID id, UUID lineId, OfferStatus status, String reason, Instant expiresAt,
            OfferOptionKind defaultOption, List<OfferOption> options, OfferOptionKind chosenOption,
            String chosenSku, String voucherCode, Instant createdAt, Instant closedAt) {
    }

    public record Event(UUID id, Instant at, String type, UUID lineId, String detail) {
    }

    public static OrderView of(Order order, List<TimelineEntry> timeline) {
        List<Line> lines = order.lines().stream().map(line -> line(order, line)).toList();
        List<OfferDetails> offers = order.offers().stream().map(OrderView::offer).toList();
        return new OrderView(order.id(), order.reference(), order.quoteId(), order.status(), order.placedAt(),
                order.updatedAt(),
                order.currency(), order.shipComplete()
                        ? ShippingPreference.SHIP_COMPLETE
                        : ShippingPreference.SHIP_AVAILABLE,
                readyToShip(order), new Customer(order.customerId(), order.customerTier(), order.customerLocale(),
                        order.customerEmail(), order.customerPhone(), order.latestAcceptableDate()),
                lines, payment(order), order.openOffer().map(OrderView::offer).orElse(null), offers,
                order.shipments().stream().map(shipment -> shipment(order, shipment)).toList(),
                timeline.stream().map(e -> new Event(e.eventId, e.at, e.type, e.lineId, e.detail)).toList(),
                order.version());
    }

    private static boolean readyToShip(Order order) {
        boolean something = order.lines().stream().anyMatch(line -> order.shippableUnits(line) > 0);
        boolean nothingWaits = order.lines().stream().noneMatch(OrderLine::isWaiting);
        return order.status() == OrderStatus.OPEN && something && (!order.shipComplete() || nothingWaits);
    }

    private static Line line(Order order, OrderLine line) {
        return new Line(line.id(), line.sku(), line.description(), line.quantity(), line.unitPrice(), line.discount(),
                line.chargeable(), line.state(), line.reserved(), line.backordered(), line.dropship(), line.shipped(),
                order.shippableUnits(line), line.backorderKind(), line.promiseDate(), line.firstPromiseDate(),
                line.promiseHistory(), line.confidence(), line.rejectionReason(), line.substituteFor(),
                line.substitutedBy(), order.capturedFor(line), order.refundedFor(line), line.cancelReason(),
                line.stockReleased());
    }

    private static Payment payment(Order order) {
        ActionRequired action = order.hasPaymentAction()
                ? new ActionRequired(order.paymentAction(), order.paymentActionDeadline())
                : null;
        return new Payment(order.paymentMethod(), order.paymentMethodStatus(), order.authorizedTotal(),
                order.capturedTotal(), order.refundedTotal(), order.isPaymentProcessing(), action, order.attention(),
                order.holds().stream().map(OrderView::hold).toList(), order.refunds()
                        .stream()
                        .map(r -> new RefundView(r.id(), r.lineId(), r.amount(), r.status(), r.reason(), r.failure()))
                        .toList());
    }

    private static HoldView hold(Hold hold) {
        return new HoldView(hold.id(), hold.status(), hold.amount(), hold.captured(), hold.expiresAt(),
                hold.purpose(), hold.failure(), hold.createdAt());
    }

    private static OfferDetails offer(Offer offer) {
        return new OfferDetails(offer.id(), offer.lineId(), offer.status(), offer.reason(), offer.expiresAt(),
                offer.defaultOption(), offer.options(), offer.chosenOption(), offer.chosenSku(), offer.voucherCode(),
                offer.createdAt(), offer.closedAt());
    }

    private static ShipmentView shipment(Order order, Shipment shipment) {
        return new ShipmentView(shipment.externalId(), shipment.status(), shipment.createdAt(),
                shipment.confirmedAt(), order.linesOfShipment(shipment.id())
                        .stream()
                        .map(line -> shipmentLine(order, line))
                        .toList());
    }

    private static ShipmentView.Line shipmentLine(Order order, ShipmentLine line) {
        Capture capture = order.capture(line.captureId());
        return new ShipmentView.Line(line.lineId(), line.quantity(), line.amount(), line.cancelled(),
                capture.status(), capture.failure());
    }

    /** A shipment the platform reported and how far its capture got. */
    public record ShipmentView(String shipmentId, ShipmentStatus status, Instant createdAt, Instant confirmedAt,
            List<Line> lines) {

        public record Line(UUID lineId, int quantity, BigDecimal amount, boolean cancelled,
                CaptureStatus captureStatus, String captureFailure) {
        }
    }
}
