package io.backorder.order;

import static io.backorder.order.IllegalTransitionException.require;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.backorder.contracts.CustomerTier;

/**
 * An order and the persisted state of its saga. Every change goes through the guarded methods here and on the
 * children; a saga step bumps {@link #steps}, so the optimistic version changes with every step.
 */
@Entity(name = "CustomerOrder")
@Table(name = "orders")
public class Order {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String platform;

    @Column(nullable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(nullable = false)
    private String currency;

    @Column(name = "ship_complete")
    private boolean shipComplete;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_tier", nullable = false)
    private CustomerTier customerTier;

    @Column(name = "customer_locale", nullable = false)
    private String customerLocale;

    @Column(name = "customer_email")
    private String customerEmail;

    @Column(name = "customer_phone")
    private String customerPhone;

    @Column(name = "email_opt_in")
    private boolean emailOptIn;

    @Column(name = "sms_opt_in")
    private boolean smsOptIn;

    @Column(name = "latest_acceptable_date")
    private LocalDate latestAcceptableDate;

    @Column(name = "payment_method", nullable = false)
    private String paymentMethod;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method_status", nullable = false)
    private PaymentMethodStatus paymentMethodStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_action")
    private PaymentAction paymentAction;

    @Column(name = "payment_action_deadline")
    private Instant paymentActionDeadline;

    /** Set when something needs an operator (e.g. a refund the provider refused). */
    private String attention;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    /** The inventory quote the platform placed the order from, when it named one. */
    @Column(name = "quote_id")
    private UUID quoteId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    private long steps;

    @Version
    private int version;

    // Ordered sets rather than lists: the repository fetches several of them with the order in one query, which
    // Hibernate refuses for more than one list without an index column (a bag).
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private Set<OrderLine> lines = new LinkedHashSet<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private Set<Hold> holds = new LinkedHashSet<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private Set<Shipment> shipments = new LinkedHashSet<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private Set<ShipmentLine> shipmentLines = new LinkedHashSet<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private Set<Capture> captures = new LinkedHashSet<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private Set<Refund> refunds = new LinkedHashSet<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private Set<Offer> offers = new LinkedHashSet<>();

    protected Order() {
    }

    public static Order place(OrderDraft draft, Instant now) {
        if (draft.lines().isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.platform = draft.platform();
        order.currency = draft.currency();
        order.reference = draft.reference() != null ? draft.reference() : order.id.toString().substring(0, 8);
        order.status = OrderStatus.RESERVING;
        order.shipComplete = draft.shipping() == ShippingPreference.SHIP_COMPLETE;
        OrderDraft.Customer customer = draft.customer();
        order.customerId = customer.id();
        order.customerTier = customer.tier();
        order.customerLocale = customer.locale();
        order.customerEmail = customer.email();
        order.customerPhone = customer.phone();
        order.emailOptIn = customer.emailOptIn();
        order.smsOptIn = customer.smsOptIn();
        order.latestAcceptableDate = customer.latestAcceptableDate();
        order.paymentMethod = draft.paymentMethod();
        order.paymentMethodStatus = PaymentMethodStatus.UNVERIFIED;
        order.placedAt = now;
        order.quoteId = draft.quoteId();
        order.updatedAt = now;
        for (OrderDraft.Line line : draft.lines()) {
            order.lines.add(new OrderLine(order, order.lines.size() + 1, line.sku(), line.description(),
                    line.quantity(), Money.round(line.unitPrice(), order.currency), now));
        }
        return order;
    }

    // --- identity and customer ---

    public UUID id() {
        return id;
    }

    public String platform() {
        return platform;
    }

    public String reference() {
        return reference;
    }

    public UUID quoteId() {
        return quoteId;
    }

    public OrderStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public boolean shipComplete() {
        return shipComplete;
    }

    public String customerId() {
        return customerId;
    }

    public CustomerTier customerTier() {
        return customerTier;
    }

    public String customerLocale() {
        return customerLocale;
    }

    public String customerEmail() {
        return customerEmail;
    }

    public String customerPhone() {
        return customerPhone;
    }

    public boolean emailOptIn() {
        return emailOptIn;
    }

    public boolean smsOptIn() {
        return smsOptIn;
    }

    public LocalDate latestAcceptableDate() {
        return latestAcceptableDate;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public PaymentMethodStatus paymentMethodStatus() {
        return paymentMethodStatus;
    }

    public PaymentAction paymentAction() {
        return paymentAction;
    }

    public Instant paymentActionDeadline() {
        return paymentActionDeadline;
    }

    public boolean hasPaymentAction() {
        return paymentAction != null;
    }

    public String attention() {
        return attention;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public List<Hold> holds() {
        return List.copyOf(holds);
    }

    public List<Shipment> shipments() {
        return List.copyOf(shipments);
    }

    public List<ShipmentLine> shipmentLines() {
        return List.copyOf(shipmentLines);
    }

    public List<Capture> captures() {
        return List.copyOf(captures);
    }

    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    public List<Offer> offers() {
        return List.copyOf(offers);
    }

    /**
     * The lazily loaded child collections by attribute name, which the repository fetches before a saga step or a
     * view.
     */
    public Map<String, Collection<?>> childCollections() {
        return Map.of("lines", lines, "holds", holds, "shipments", shipments, "shipmentLines", shipmentLines,
                "captures", captures, "refunds", refunds, "offers", offers);
    }

    // --- order transitions ---

    public void open() {
        require(status == OrderStatus.RESERVING, "Order %s is %s, not reserving", id, status);
        status = OrderStatus.OPEN;
    }

    public void reject() {
        require(status == OrderStatus.RESERVING, "Order %s is %s, not reserving", id, status);
        status = OrderStatus.REJECTED;
    }

    public boolean canBeCancelled() {
        return status == OrderStatus.RESERVING || status == OrderStatus.OPEN || status == OrderStatus.COMPLETED;
    }

    public void beginCancellation(String reason) {
        require(canBeCancelled(), "Order %s is %s and cannot be cancelled", id, status);
        status = OrderStatus.CANCELLING;
        cancelReason = reason;
    }

    /** Accepts line changes (cancellations, shipments, decisions). */
    public boolean acceptsLineChanges() {
        return status == OrderStatus.RESERVING || status == OrderStatus.OPEN || status == OrderStatus.COMPLETED;
    }

    /** Every line closed and the money settled: COMPLETED when something was delivered, else CANCELLED. */
    public void settle(OrderStatus outcome) {
        require(outcome == OrderStatus.COMPLETED || outcome == OrderStatus.CANCELLED, "%s is not a final status",
                outcome);
        require(status == OrderStatus.OPEN || status == OrderStatus.CANCELLING || status == OrderStatus.COMPLETED,
                "Order %s is %s and cannot be settled", id, status);
        status = outcome;
    }

    public void liftShipComplete() {
        require(shipComplete && status == OrderStatus.OPEN, "Order %s does not wait to ship complete", id);
        shipComplete = false;
    }

    public void changePaymentMethod(String reference) {
        require(status == OrderStatus.RESERVING || status == OrderStatus.OPEN,
                "Order %s is %s; its payment method cannot change", id, status);
        paymentMethod = reference;
        paymentMethodStatus = PaymentMethodStatus.UNVERIFIED;
    }

    public void startVerification() {
        require(paymentMethodStatus == PaymentMethodStatus.UNVERIFIED, "Payment method of %s is %s", id,
                paymentMethodStatus);
        paymentMethodStatus = PaymentMethodStatus.VERIFYING;
    }

    public void verificationSucceeded() {
        require(paymentMethodStatus == PaymentMethodStatus.VERIFYING, "Payment method of %s is %s", id,
                paymentMethodStatus);
        paymentMethodStatus = PaymentMethodStatus.VERIFIED;
    }

    public void verificationDeclined() {
        require(paymentMethodStatus == PaymentMethodStatus.VERIFYING, "Payment method of %s is %s", id,
                paymentMethodStatus);
        paymentMethodStatus = PaymentMethodStatus.DECLINED;
    }

    /** A successful authorization proves the method as well as a verification would. */
    public void paymentMethodProven() {
        paymentMethodStatus = PaymentMethodStatus.VERIFIED;
    }

    public void requirePaymentAction(PaymentAction reason, Instant deadline) {
        require(paymentAction == null, "Order %s already waits for a payment method update", id);
        paymentAction = reason;
        paymentActionDeadline = deadline;
    }

    public void clearPaymentAction() {
        paymentAction = null;
        paymentActionDeadline = null;
    }

    public void flagAttention(String reason) {
        attention = attention == null ? reason : (attention + "; " + reason);
        if (attention.length() > 1000) {
            attention = attention.substring(0, 1000);
        }
    }

    public void recordStep(Instant now) {
        steps++;
        updatedAt = now;
    }

    // --- children ---

    public OrderLine addSubstitute(OrderLine original, String sku, String description, BigDecimal unitPrice,
            String releaseReason, Instant now) {
        OrderLine replacement = new OrderLine(this, lines.size() + 1, sku, description, original.quantity(),
                Money.round(unitPrice, currency), now);
        replacement.replaces(original.id());
        original.substitute(replacement.id(), releaseReason);
        lines.add(replacement);
        return replacement;
    }

    public Hold requestHold(BigDecimal amount, String purpose, UUID replaces, Instant now) {
        Hold hold = new Hold(this, holds.size() + 1, amount, paymentMethod, purpose, replaces, now);
        holds.add(hold);
        return hold;
    }

    public Offer prepareOffer(OrderLine line, String reason, Instant now) {
        require(activeOffer(line.id()).isEmpty(), "Line %s already has an offer", line.id());
        Offer offer = new Offer(this, offers.size() + 1, line, reason, now);
        offers.add(offer);
        return offer;
    }

    public Shipment newShipment(String externalId, Instant now) {
        Shipment shipment = new Shipment(this, shipments.size() + 1, externalId, now);
        shipments.add(shipment);
        return shipment;
    }

    public ShipmentLine addShipmentLine(Shipment shipment, OrderLine line, int units, BigDecimal amount) {
        ShipmentLine shipmentLine = new ShipmentLine(this, shipmentLines.size() + 1, shipment, line, units, amount);
        shipmentLines.add(shipmentLine);
        return shipmentLine;
    }

    public Capture newCapture(ShipmentLine shipmentLine, Instant now) {
        Capture capture = new Capture(this, captures.size() + 1, shipmentLine, shipmentLine.amount(), now);
        captures.add(capture);
        shipmentLine.attempt(capture);
        return capture;
    }

    public Refund requestRefund(Capture capture, BigDecimal amount, String reason, Instant now) {
        capture.reserveRefund(amount);
        Refund refund = new Refund(this, refunds.size() + 1, capture, amount, reason, now);
        refunds.add(refund);
        return refund;
    }

    // --- lookups ---

    public OrderLine line(UUID lineId) {
        return findLine(lineId).orElseThrow(() -> new IllegalArgumentException("Order " + id + " has no line "
                + lineId));
    }

    public Optional<OrderLine> findLine(UUID lineId) {
        return lines.stream().filter(line -> line.id().equals(lineId)).findFirst();
    }

    public Hold hold(UUID holdId) {
        return findHold(holdId).orElseThrow(() -> new IllegalArgumentException("Order " + id + " has no hold "
                + holdId));
    }

    public Optional<Hold> findHold(UUID holdId) {
        return holdId == null ? Optional.empty() : holds.stream().filter(h -> h.id().equals(holdId)).findFirst();
    }

    public Capture capture(UUID captureId) {
        return captures.stream()
                .filter(c -> c.id().equals(captureId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Order " + id + " has no capture " + captureId));
    }

    public Refund refund(UUID refundId) {
        return refunds.stream()
                .filter(r -> r.id().equals(refundId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Order " + id + " has no refund " + refundId));
    }

    public Optional<Offer> findOffer(UUID offerId) {
        return offers.stream().filter(offer -> offer.id().equals(offerId)).findFirst();
    }

    /** The offer being prepared or open for the line, if any (at most one at a time). */
    public Optional<Offer> activeOffer(UUID lineId) {
        return offers.stream().filter(o -> o.lineId().equals(lineId) && o.status().isActive()).findFirst();
    }

    public Optional<Offer> openOffer() {
        return offers.stream().filter(Offer::isOpen).findFirst();
    }

    public Shipment shipment(UUID shipmentId) {
        return shipments.stream()
                .filter(s -> s.id().equals(shipmentId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Order " + id + " has no shipment " + shipmentId));
    }

    public Optional<Shipment> shipmentByExternalId(String externalId) {
        return shipments.stream().filter(s -> s.externalId().equals(externalId)).findFirst();
    }

    public ShipmentLine shipmentLine(UUID shipmentLineId) {
        return shipmentLines.stream()
                .filter(sl -> sl.id().equals(shipmentLineId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Order " + id + " has no shipment line "
                        + shipmentLineId));
    }

    public List<ShipmentLine> linesOfShipment(UUID shipmentId) {
        return shipmentLines.stream().filter(sl -> sl.shipmentId().equals(shipmentId)).toList();
    }

    /** Shipment lines of the order line that are not cancelled and whose shipment has not been confirmed yet. */
    public List<ShipmentLine> pendingShipmentLines(UUID lineId) {
        return shipmentLines.stream()
                .filter(sl -> sl.lineId().equals(lineId) && !sl.cancelled() && shipment(sl.shipmentId()).isPending())
                .toList();
    }

    public Stream<Capture> capturesOf(UUID lineId) {
        return captures.stream().filter(c -> c.lineId().equals(lineId));
    }

    // --- units and money per line ---

    public int pendingShipmentUnits(OrderLine line) {
        return pendingShipmentLines(line.id()).stream().mapToInt(ShipmentLine::quantity).sum();
    }

    /** Units a new shipment may take: ready and not in a shipment already. */
    public int shippableUnits(OrderLine line) {
        return line.isOpen() && line.isDecided() ? line.readyUnits() - pendingShipmentUnits(line) : 0;
    }

    private Stream<ShipmentLine> billed(OrderLine line) {
        return shipmentLines.stream().filter(sl -> sl.lineId().equals(line.id()) && !sl.cancelled());
    }

    /** What the line still has to be billed for in future shipments. */
    public BigDecimal unbilled(OrderLine line) {
        return line.chargeable().subtract(Money.sum(billed(line).map(ShipmentLine::amount)));
    }

    /** The amount to bill for {@code units} more units; the last units take the exact remainder. */
    public BigDecimal billFor(OrderLine line, int units) {
        int remaining = line.quantity() - billed(line).mapToInt(ShipmentLine::quantity).sum();
        require(units > 0 && units <= remaining, "Line %s has only %d units left to bill", line.id(), remaining);
        return Money.share(unbilled(line), units, remaining, currency);
    }

    /** Captured or being captured for the line: what a new hold does not need to cover. */
    public BigDecimal capturedOrCapturing(OrderLine line) {
        return Money.sum(capturesOf(line.id())
                .filter(c -> c.status() == CaptureStatus.SUCCEEDED || c.status() == CaptureStatus.REQUESTED)
                .map(Capture::amount));
    }

    /** What a hold for the line has to cover now. */
    public BigDecimal coverNeeded(OrderLine line) {
        return line.chargeable().subtract(capturedOrCapturing(line));
    }

    public BigDecimal capturedFor(OrderLine line) {
        return Money.sum(
                capturesOf(line.id()).filter(c -> c.status() == CaptureStatus.SUCCEEDED).map(Capture::amount));
    }

    public BigDecimal refundedFor(OrderLine line) {
        return Money.sum(capturesOf(line.id()).map(Capture::refunded));
    }

    public boolean isCoveredBy(OrderLine line, Predicate<Hold> acceptable) {
        return findHold(line.holdId()).filter(acceptable).isPresent();
    }

    public boolean hasWaitingCapture(OrderLine line) {
        return capturesOf(line.id()).anyMatch(c -> c.status() == CaptureStatus.WAITING);
    }

    // --- money per order ---

    /** Held now and not captured (active holds). */
    public BigDecimal authorizedTotal() {
        return Money.sum(holds.stream().map(Hold::held));
    }

    public BigDecimal capturedTotal() {
        return Money.sum(captures.stream().filter(c -> c.status() == CaptureStatus.SUCCEEDED).map(Capture::amount));
    }

    public BigDecimal refundedTotal() {
        return Money.sum(captures.stream().map(Capture::refunded));
    }

    /** The value of the lines still to be paid for (what inventory weighs when allocating). */
    public BigDecimal openValue() {
        return Money.sum(lines.stream().filter(OrderLine::isOpen).map(OrderLine::chargeable));
    }

    public boolean hasMoneyInFlight() {
        return holds.stream()
                .anyMatch(h -> h.status() == HoldStatus.PENDING || h.status() == HoldStatus.ACTIVE
                        || h.status() == HoldStatus.RELEASING)
                || captures.stream()
                        .anyMatch(c -> c.status() == CaptureStatus.WAITING || c.status() == CaptureStatus.REQUESTED)
                || refunds.stream().anyMatch(r -> r.status() == RefundStatus.REQUESTED)
                || paymentMethodStatus == PaymentMethodStatus.VERIFYING;
    }

    /** Calls to the provider are under way (the view shows this as "processing"). */
    public boolean isPaymentProcessing() {
        return holds.stream().anyMatch(h -> h.status() == HoldStatus.PENDING || h.status() == HoldStatus.RELEASING)
                || captures.stream().anyMatch(c -> c.status() == CaptureStatus.REQUESTED)
                || refunds.stream().anyMatch(r -> r.status() == RefundStatus.REQUESTED)
                || paymentMethodStatus == PaymentMethodStatus.VERIFYING;
    }

    /** Captures of the line, newest first (the order refunds are taken back in). */
    public List<Capture> capturesNewestFirst(OrderLine line) {
        return capturesOf(line.id()).sorted(Comparator.comparingInt(Capture::seq).reversed()).toList();
    }

    public boolean hasFailedRefund(OrderLine line) {
        return refunds.stream().anyMatch(r -> r.lineId().equals(line.id()) && r.status() == RefundStatus.FAILED);
    }

    public boolean hasRequestedRefund(OrderLine line) {
        return refunds.stream().anyMatch(r -> r.lineId().equals(line.id()) && r.status() == RefundStatus.REQUESTED);
    }
}
