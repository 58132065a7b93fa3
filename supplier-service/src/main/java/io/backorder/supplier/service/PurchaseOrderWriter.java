package io.backorder.supplier.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.supplier.EtaChanged;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.contracts.supplier.PurchaseOrderLineCancelled;
import io.backorder.supplier.CancelCause;
import io.backorder.supplier.Demand;
import io.backorder.supplier.EtaChange;
import io.backorder.supplier.EtaChangeKind;
import io.backorder.supplier.LineStatus;
import io.backorder.supplier.Offer;
import io.backorder.supplier.PurchaseOrder;
import io.backorder.supplier.PurchaseOrderKind;
import io.backorder.supplier.PurchaseOrderLine;
import io.backorder.supplier.PurchaseOrderStatus;
import io.backorder.supplier.repository.EtaChangeRepository;
import io.backorder.supplier.repository.PurchaseOrderLineRepository;
import io.backorder.supplier.repository.PurchaseOrderRepository;
import io.backorder.support.messaging.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * The changes to purchase orders that other services hear about: issuing one, setting a line's ETA, cancelling
 * units of a line. Each writes the change and its message together; callers run it inside their transaction,
 * holding the purchase order's row lock for changes to an existing order.
 */
@ApplicationScoped
public class PurchaseOrderWriter {

    /** Who issued or changed something when no person or supplier did. */
    public static final String SYSTEM = "supplier-service";

    private final PurchaseOrderRepository orders;
    private final PurchaseOrderLineRepository lines;
    private final EtaChangeRepository history;
    private final Outbox outbox;
    private final Clock clock;

    public PurchaseOrderWriter(PurchaseOrderRepository orders, PurchaseOrderLineRepository lines,
            EtaChangeRepository history, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.lines = lines;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param requestedDate the arrival the agreement promises: what we order for
     * @param eta our estimate, the requested date plus the supplier's usual slip, until the supplier confirms
     */
    public record NewLine(String sku, UUID agreementId, int quantity, BigDecimal unitPrice, boolean urgent,
            String demandId, LocalDate needBy, LocalDate requestedDate, LocalDate eta) {

        /** A line buying what the offer quotes for the demand. */
        public static NewLine of(Offer offer, Demand demand, String demandId) {
            return new NewLine(demand.sku(), offer.agreementId(), offer.quantity(), offer.unitPrice(),
                    offer.mode() == Offer.Mode.URGENT, demandId,
                    demand.needBy() != null ? demand.needBy() : offer.arrival(), offer.arrival(),
                    offer.expectedArrival());
        }
    }

    /** @param replenishmentRequestId the inventory request this order answers, or null */
    public record NewOrder(String supplierId, PurchaseOrderKind kind, String locationId, UUID orderId,
            UUID orderLineId, String currency, List<NewLine> lines, UUID replenishmentRequestId) {
    }

    public record Issued(PurchaseOrder order, List<PurchaseOrderLine> lines) {
    }

    /** Issues a purchase order; a stock order becomes inbound supply for inventory. */
    public Uni<Issued> issue(NewOrder order, String issuedBy, Envelope cause) {
        return orders.nextNumber().flatMap(number -> {
            Instant now = Instant.now(clock);
            LocalDate today = LocalDate.now(clock);
            PurchaseOrder po = new PurchaseOrder();
            po.id = "PO-%06d".formatted(number);
            po.supplierId = order.supplierId();
            po.kind = order.kind();
            po.status = PurchaseOrderStatus.ISSUED;
            po.locationId = order.locationId();
            po.orderId = order.orderId();
            po.orderLineId = order.orderLineId();
            po.currency = order.currency();
            po.issuedAt = now;
            po.updatedAt = now;
            List<PurchaseOrderLine> created = new ArrayList<>();
            List<EtaChange> entries = new ArrayList<>();
            for (NewLine spec : order.lines()) {
                PurchaseOrderLine line = newLine(po, created.size() + 1, spec, today);
                created.add(line);
                entries.add(EtaChange.of(line, EtaChangeKind.ISSUED, null, null, issuedBy, now));
            }
            return orders.persist(po)
                    .chain(() -> lines.persist(created))
                    .chain(() -> history.persist(entries))
                    .chain(() -> isInboundSupply(po)
                            ? outbox.publish(issuedEvent(po, created, order.replenishmentRequestId()), cause)
                                    .replaceWithVoid()
                            : Uni.createFrom().voidItem())
                    .replaceWith(new Issued(po, created));
        });
    }

    /**
     * Records that a line's ETA was confirmed or changed and tells inventory, which moves its promise dates.
     *
     * @param previous the ETA inventory knew before
     */
    public Uni<Void> etaSet(PurchaseOrder po, PurchaseOrderLine line, LocalDate previous, EtaChangeKind kind,
            String reason, String changedBy) {
        EtaChange entry = EtaChange.of(line, kind, previous, reason, changedBy, Instant.now(clock));
        return history.persist(entry)
                .chain(() -> isInboundSupply(po)
                        ? outbox.publish(new EtaChanged(po.id, line.id, line.sku, previous, line.eta,
                                line.etaConfirmed, po.supplierId)).replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    /** Cancels the units of the line not shipped yet and tells inventory that supply is gone; returns how many. */
    public Uni<Integer> cancelUnshipped(PurchaseOrder po, List<PurchaseOrderLine> all, PurchaseOrderLine line,
            CancelCause cause, String reason, Envelope causeEnvelope) {
        int units = line.cancelUnshipped(cause, LocalDate.now(clock));
        po.refresh(all, Instant.now(clock));
        return isInboundSupply(po)
                ? outbox.publish(new PurchaseOrderLineCancelled(po.id, line.id, line.sku, units, reason), causeEnvelope)
                        .replaceWith(units)
                : Uni.createFrom().item(units);
    }

    /**
     * Only stock orders are inbound supply in inventory. A dropship line never was (inventory took the order line
     * out of its queue on DropshipArranged), so ETA and cancellation messages about it would name a purchase-order
     * line inventory does not know.
     */
    private static boolean isInboundSupply(PurchaseOrder po) {
        return po.kind == PurchaseOrderKind.STOCK;
    }

    private static PurchaseOrderLine newLine(PurchaseOrder po, int number, NewLine spec, LocalDate today) {
        PurchaseOrderLine line = new PurchaseOrderLine();
        line.id = po.id + "-" + number;
        line.purchaseOrderId = po.id;
        line.supplierId = po.supplierId;
        line.lineNumber = number;
        line.dropship = po.kind == PurchaseOrderKind.DROPSHIP;
        line.sku = spec.sku();
        line.agreementId = spec.agreementId();
        line.quantity = spec.quantity();
        line.unitPrice = spec.unitPrice();
        line.urgent = spec.urgent();
        line.demandId = spec.demandId();
        line.needBy = spec.needBy();
        line.expectedDate = spec.requestedDate();
        line.eta = spec.eta();
        line.status = LineStatus.ISSUED;
        line.issuedOn = today;
        return line;
    }

    private static PurchaseOrderIssued issuedEvent(PurchaseOrder po, List<PurchaseOrderLine> created,
            UUID replenishmentRequestId) {
        return new PurchaseOrderIssued(po.id, po.supplierId, po.locationId, created.stream()
                .map(line -> new PurchaseOrderIssued.Line(line.id, line.sku, line.quantity, line.eta))
                .toList(), replenishmentRequestId);
    }
}
