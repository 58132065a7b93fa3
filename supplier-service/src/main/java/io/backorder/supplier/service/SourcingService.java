package io.backorder.supplier.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.BackorderRecorded;
import io.backorder.contracts.inventory.ReplenishmentRequested;
import io.backorder.contracts.supplier.DropshipArranged;
import io.backorder.supplier.CancelCause;
import io.backorder.supplier.Candidate;
import io.backorder.supplier.Choice;
import io.backorder.supplier.ChoiceKind;
import io.backorder.supplier.ChoiceOutcome;
import io.backorder.supplier.ChoicePolicy;
import io.backorder.supplier.Demand;
import io.backorder.supplier.Offer;
import io.backorder.supplier.PurchaseOrder;
import io.backorder.supplier.PurchaseOrderKind;
import io.backorder.supplier.PurchaseOrderLine;
import io.backorder.supplier.SupplierChoice;
import io.backorder.supplier.SupplierChooser;
import io.backorder.supplier.config.SupplierConfig;
import io.backorder.supplier.repository.PurchaseOrderLineRepository;
import io.backorder.supplier.repository.SupplierChoiceRepository;
import io.backorder.supplier.rest.SupplierChoiceView;
import io.backorder.supplier.service.PurchaseOrderWriter.NewLine;
import io.backorder.supplier.service.PurchaseOrderWriter.NewOrder;
import io.backorder.support.messaging.InvalidMessageException;
import io.backorder.support.messaging.Outbox;
import io.backorder.support.rest.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Where to buy: replenishment requests become purchase orders, backordered lines may be dropshipped, and a line
 * whose supplier declines or slips past the limit moves to an alternative supplier. Every decision is recorded
 * with the offers it weighed and its reasons.
 */
@ApplicationScoped
public class SourcingService {

    private final Candidates candidates;
    private final PurchaseOrderLineRepository lines;
    private final SupplierChoiceRepository choices;
    private final PurchaseOrderWriter writer;
    private final Outbox outbox;
    private final SupplierChooser chooser;
    private final ChoicePolicy policy;
    private final Clock clock;
    private final int slipLimitDays;

    public SourcingService(Candidates candidates, PurchaseOrderLineRepository lines,
            SupplierChoiceRepository choices, PurchaseOrderWriter writer, Outbox outbox, SupplierChooser chooser,
            ChoicePolicy policy, Clock clock, SupplierConfig config) {
        this.candidates = candidates;
        this.lines = lines;
        this.choices = choices;
        this.writer = writer;
        this.outbox = outbox;
        this.chooser = chooser;
        this.policy = policy;
        this.clock = clock;
        this.slipLimitDays = config.alternatives().slipLimitDays();
    }

    /**
     * Buys stock for inventory, from the supplier an operator pinned if any. A request seen before (a re-sent event)
     * gets its earlier decision, unchanged.
     */
    @WithTransaction
    public Uni<SupplierChoice> replenish(ReplenishmentRequested request, Envelope cause) {
        requireValid(request);
        String demandId = request.requestId().toString();
        return choices.decided(ChoiceKind.REPLENISHMENT, demandId).flatMap(earlier -> {
            if (earlier != null) {
                Log.infof("Replenishment request %s was decided before: %s", demandId, earlier.outcome);
                return Uni.createFrom().item(earlier);
            }
            LocalDate today = LocalDate.now(clock);
            Demand demand = new Demand(request.sku(), request.quantity(), request.needBy(), request.urgent(), today,
                    Set.of());
            String pinned = request.pinnedSupplierId();
            return candidates.forSku(request.sku(), today).flatMap(found -> {
                List<Candidate> considered = pinned == null
                        ? found
                        : found.stream().filter(c -> c.terms().supplierId().equals(pinned)).toList();
                Choice choice = chooser.replenish(demand, considered);
                SupplierChoice record = record(ChoiceKind.REPLENISHMENT, demandId, demand, choice);
                record.locationId = request.locationId();
                record.explanation = truncate(request.explanation());
                if (pinned != null) {
                    record.addReason("An operator pinned the supplier " + pinned
                            + ": no other supplier was considered");
                }
                Optional<Offer> chosen = choice.chosenOffer();
                if (chosen.isEmpty()) {
                    Log.warnf("No supplier for replenishment of %s: %s", request.sku(), choice.reasons());
                    record.settle(ChoiceOutcome.NO_AGREEMENT);
                    return choices.persist(record);
                }
                return orderStock(chosen.get(), demand, demandId, request.locationId(), request.requestId(), cause)
                        .flatMap(po -> {
                            record.took(chosen.get(), ChoiceOutcome.PURCHASE_ORDER_ISSUED, po.id);
                            return choices.persist(record);
                        });
            });
        });
    }

    /**
     * Ships a backordered line straight from a supplier to the customer when that beats waiting for stock.
     * Pre-orders wait for the release date like everyone else. Decided once per order line.
     */
    @WithTransaction
    public Uni<SupplierChoice> considerDropship(BackorderRecorded backorder, Envelope cause) {
        requireValid(backorder);
        String demandId = backorder.lineId().toString();
        return choices.decided(ChoiceKind.DROPSHIP, demandId).flatMap(earlier -> {
            if (earlier != null) {
                return Uni.createFrom().item(earlier);
            }
            LocalDate today = LocalDate.now(clock);
            Demand demand = new Demand(backorder.sku(), backorder.quantity(), backorder.promiseDate(), false, today,
                    Set.of());
            Uni<Choice> decided = backorder.kind() == BackorderKind.PREORDER
                    ? Uni.createFrom()
                            .item(new Choice(null, List.of(),
                                    List.of("A pre-order waits for the release date; it is not dropshipped")))
                    : candidates.forSku(backorder.sku(), today).map(found -> chooser.dropship(demand, found));
            return decided.flatMap(choice -> {
                SupplierChoice record = record(ChoiceKind.DROPSHIP, demandId, demand, choice);
                record.orderId = backorder.orderId();
                record.orderLineId = backorder.lineId();
                if (choice.chosenOffer().isEmpty()) {
                    record.settle(ChoiceOutcome.KEPT_WAITING);
                    return choices.persist(record);
                }
                Offer offer = choice.chosen();
                return orderDropship(offer, demand, demandId, backorder.orderId(), backorder.lineId(), cause)
                        .flatMap(po -> {
                            record.took(offer, ChoiceOutcome.DROPSHIP_ARRANGED, po.id);
                            return choices.persist(record);
                        });
            });
        });
    }

    /**
     * The supplier declined {@code units} of the line: they go to the best other supplier, late or not, since
     * nobody else will deliver them. Runs in the caller's transaction.
     */
    public Uni<SupplierChoice> replaceDeclined(PurchaseOrder po, PurchaseOrderLine line, int units) {
        return decideAlternative(po, line, units, ChoiceKind.ALTERNATIVE_AFTER_DECLINE).flatMap(decision -> {
            if (decision.offer().isEmpty()) {
                Log.warnf("No alternative supplier for declined line %s: %s", line.id, decision.record().reasons);
                decision.record().settle(ChoiceOutcome.NO_AGREEMENT);
                return choices.persist(decision.record());
            }
            return orderAlternative(po, line, units, decision);
        });
    }

    /**
     * Looks for another supplier when the line's ETA has slipped more than the limit past the date it was ordered
     * for. The line moves only when nothing of it has been shipped and the alternative is expected before the
     * slipped ETA; otherwise it stays and the decision says why. Runs in the caller's transaction.
     */
    public Uni<Void> reconsiderIfSlipped(PurchaseOrder po, List<PurchaseOrderLine> all, PurchaseOrderLine line) {
        long slip = ChronoUnit.DAYS.between(line.expectedDate, line.eta);
        if (slip <= slipLimitDays || line.shipped > 0 || line.received > 0 || line.status.terminal()) {
            return Uni.createFrom().voidItem();
        }
        int units = line.unshipped();
        return decideAlternative(po, line, units, ChoiceKind.ALTERNATIVE_AFTER_SLIP).flatMap(decision -> {
            SupplierChoice record = decision.record();
            String slipped = "The ETA " + line.eta + " of " + line.id + " is " + slip + " days past the requested "
                    + line.expectedDate + " (limit " + slipLimitDays + ")";
            Optional<Offer> earlier = decision.offer().filter(offer -> offer.expectedArrival().isBefore(line.eta));
            if (earlier.isEmpty()) {
                record.addReason(slipped + "; no alternative is expected before it, so the line stays with "
                        + line.supplierId);
                record.settle(ChoiceOutcome.KEPT_CURRENT);
                return choices.persist(record).replaceWithVoid();
            }
            record.addReason(slipped + "; moved to " + earlier.get().supplierId());
            return writer.cancelUnshipped(po, all, line, CancelCause.SLIPPED, "ETA slipped to " + line.eta
                    + ", past the limit; moved to " + earlier.get().supplierId(), null)
                    .chain(() -> orderAlternative(po, line, units, decision))
                    .replaceWithVoid();
        });
    }

    @WithSession
    public Uni<List<SupplierChoiceView>> choices(String sku, ChoiceKind kind, ChoiceOutcome outcome, String demandId,
            int page, int size) {
        return choices.search(sku, kind, outcome, demandId, page, size)
                .map(found -> found.stream().map(SupplierChoiceView::of).toList());
    }

    @WithSession
    public Uni<SupplierChoiceView> choice(UUID id) {
        return choices.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No supplier choice " + id))
                .map(SupplierChoiceView::of);
    }

    /** A decision about a line to replace, and the offer to take if any. */
    private record Alternative(SupplierChoice record, Demand demand, Optional<Offer> offer) {
    }

    private Uni<Alternative> decideAlternative(PurchaseOrder po, PurchaseOrderLine line, int units,
            ChoiceKind kind) {
        LocalDate today = LocalDate.now(clock);
        return lines.failedSuppliers(line.demandId).flatMap(failed -> {
            Set<String> excluded = new HashSet<>(failed);
            excluded.add(line.supplierId);
            Demand demand = new Demand(line.sku, units, line.needBy, line.urgent, today, excluded);
            return candidates.forSku(line.sku, today).map(found -> {
                Choice choice = line.dropship
                        ? chooser.dropship(demand, found)
                        : chooser.replenish(demand, found);
                SupplierChoice record = record(kind, line.demandId, demand, choice);
                record.locationId = po.locationId;
                record.orderId = po.orderId;
                record.orderLineId = po.orderLineId;
                record.replacesLineId = line.id;
                return new Alternative(record, demand, choice.chosenOffer());
            });
        });
    }

    private Uni<SupplierChoice> orderAlternative(PurchaseOrder po, PurchaseOrderLine line, int units,
            Alternative decision) {
        Offer offer = decision.offer().orElseThrow();
        Uni<PurchaseOrder> ordered = line.dropship
                ? orderDropship(offer, decision.demand(), line.demandId, po.orderId, po.orderLineId, null)
                : orderStock(offer, decision.demand(), line.demandId, po.locationId, null, null);
        return ordered.flatMap(replacement -> {
            Log.infof("%d units of %s moved from %s to %s on %s", units, line.id, line.supplierId,
                    offer.supplierId(), replacement.id);
            decision.record()
                    .took(offer, line.dropship ? ChoiceOutcome.DROPSHIP_ARRANGED : ChoiceOutcome.PURCHASE_ORDER_ISSUED,
                            replacement.id);
            return choices.persist(decision.record());
        });
    }

    /**
     * @param replenishmentRequestId the request the order answers; null for a line moved to another supplier, whose
     *        request inventory already saw answered by the first order
     */
    private Uni<PurchaseOrder> orderStock(Offer offer, Demand demand, String demandId, String locationId,
            UUID replenishmentRequestId, Envelope cause) {
        NewOrder order = new NewOrder(offer.supplierId(), PurchaseOrderKind.STOCK, locationId, null, null,
                offer.currency(), List.of(NewLine.of(offer, demand, demandId)), replenishmentRequestId);
        return writer.issue(order, PurchaseOrderWriter.SYSTEM, cause).map(PurchaseOrderWriter.Issued::order);
    }

    /** A dropship order is one line for one customer order line; order and inventory stop waiting for stock. */
    private Uni<PurchaseOrder> orderDropship(Offer offer, Demand demand, String demandId, UUID orderId,
            UUID orderLineId, Envelope cause) {
        NewOrder order = new NewOrder(offer.supplierId(), PurchaseOrderKind.DROPSHIP, null, orderId, orderLineId,
                offer.currency(), List.of(NewLine.of(offer, demand, demandId)), null);
        return writer.issue(order, PurchaseOrderWriter.SYSTEM, cause).flatMap(issued -> {
            PurchaseOrderLine line = issued.lines().get(0);
            return outbox.publish(new DropshipArranged(orderId, orderLineId, line.sku, line.quantity,
                    offer.supplierId(), issued.order().id, line.eta), cause).replaceWith(issued.order());
        });
    }

    private SupplierChoice record(ChoiceKind kind, String demandId, Demand demand, Choice choice) {
        return SupplierChoice.of(kind, demandId, demand, choice, policy.baseCurrency(), Instant.now(clock));
    }

    private static void requireValid(ReplenishmentRequested request) {
        if (request.requestId() == null || isBlank(request.sku()) || isBlank(request.locationId())
                || request.quantity() < 1 || request.needBy() == null) {
            throw new InvalidMessageException("A replenishment request needs a request id, SKU, location, a "
                    + "positive quantity and a need-by date");
        }
    }

    private static void requireValid(BackorderRecorded backorder) {
        if (backorder.orderId() == null || backorder.lineId() == null || isBlank(backorder.sku())
                || backorder.quantity() < 1) {
            throw new InvalidMessageException("A recorded backorder needs an order, a line, a SKU and a positive "
                    + "quantity");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
