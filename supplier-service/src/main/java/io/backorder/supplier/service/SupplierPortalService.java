package io.backorder.supplier.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.CancelCause;
import io.backorder.supplier.EtaChangeKind;
import io.backorder.supplier.LineStatus;
import io.backorder.supplier.PurchaseOrder;
import io.backorder.supplier.PurchaseOrderLine;
import io.backorder.supplier.PurchaseOrderStatus;
import io.backorder.supplier.Shipment;
import io.backorder.supplier.ShipmentLine;
import io.backorder.supplier.repository.PurchaseOrderLineRepository;
import io.backorder.supplier.repository.PurchaseOrderRepository;
import io.backorder.supplier.repository.ShipmentLineRepository;
import io.backorder.supplier.repository.ShipmentRepository;
import io.backorder.supplier.rest.ConfirmationRequest;
import io.backorder.supplier.rest.DeclineRequest;
import io.backorder.supplier.rest.EtaChangeRequest;
import io.backorder.supplier.rest.PurchaseOrderView;
import io.backorder.supplier.rest.ShipmentRequest;
import io.backorder.support.rest.NotFoundProblem;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What suppliers do with their purchase orders: confirm them, move ETAs, advise shipments, decline lines. Every
 * method takes the calling supplier's id and only ever finds that supplier's orders: another supplier's order or
 * line is "not found", and nothing changes. Changes run under the order's row lock.
 */
@ApplicationScoped
public class SupplierPortalService {

    private final PurchaseOrderRepository orders;
    private final PurchaseOrderLineRepository lines;
    private final ShipmentRepository shipments;
    private final ShipmentLineRepository shipmentLines;
    private final PurchaseOrderWriter writer;
    private final SourcingService sourcing;
    private final PurchaseOrderViews views;
    private final Clock clock;

    public SupplierPortalService(PurchaseOrderRepository orders, PurchaseOrderLineRepository lines,
            ShipmentRepository shipments, ShipmentLineRepository shipmentLines, PurchaseOrderWriter writer,
            SourcingService sourcing, PurchaseOrderViews views, Clock clock) {
        this.orders = orders;
        this.lines = lines;
        this.shipments = shipments;
        this.shipmentLines = shipmentLines;
        this.writer = writer;
        this.sourcing = sourcing;
        this.views = views;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<PurchaseOrderView>> list(String supplierId, PurchaseOrderStatus status, int page, int size) {
        return orders.search(supplierId, status, null, page, size).flatMap(views::summaries);
    }

    @WithSession
    public Uni<PurchaseOrderView> get(String supplierId, String purchaseOrderId) {
        return orders.findOwned(purchaseOrderId, supplierId)
                .onItem()
                .ifNull()
                .failWith(() -> notFound(purchaseOrderId))
                .flatMap(views::full);
    }

    /** Accepts the order with an ETA for every line not declined; each ETA goes to inventory. */
    @WithTransaction
    public Uni<PurchaseOrderView> confirm(String supplierId, String purchaseOrderId, ConfirmationRequest request) {
        return locked(supplierId, purchaseOrderId).flatMap(order -> {
            Map<String, LocalDate> etas = request.lines()
                    .stream()
                    .collect(Collectors.toMap(ConfirmationRequest.Line::lineId, ConfirmationRequest.Line::eta,
                            (a, b) -> {
                                throw new UnprocessableProblem("A line may be confirmed once per request");
                            }));
            etas.keySet().forEach(order::line);
            order.po().require("confirmed", PurchaseOrderStatus.ISSUED);
            List<String> missing = order.lines()
                    .stream()
                    .filter(line -> line.status == LineStatus.ISSUED && !etas.containsKey(line.id))
                    .map(line -> line.id)
                    .toList();
            if (!missing.isEmpty()) {
                throw new UnprocessableProblem("Every open line needs an ETA (or decline it first); missing: "
                        + String.join(", ", missing));
            }
            LocalDate today = LocalDate.now(clock);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PurchaseOrderLine line : order.lines()) {
                if (!etas.containsKey(line.id)) {
                    continue;
                }
                LocalDate previous = line.eta;
                line.confirm(etas.get(line.id), today);
                chain = chain.chain(() -> writer.etaSet(order.po(), line, previous, EtaChangeKind.CONFIRMED, null,
                        supplierId));
            }
            order.po().refresh(order.lines(), Instant.now(clock));
            return chain.chain(() -> reconsiderSlipped(order, etas.keySet()))
                    .chain(() -> views.full(order.po(), order.lines()));
        });
    }

    /**
     * Sets the ETA of one line: the first ETA confirms the line, later ones change it. The same ETA again changes
     * nothing and tells nobody.
     */
    @WithTransaction
    public Uni<PurchaseOrderView> setEta(String supplierId, String purchaseOrderId, String lineId,
            EtaChangeRequest request) {
        return locked(supplierId, purchaseOrderId).flatMap(order -> {
            PurchaseOrderLine line = order.line(lineId);
            order.po()
                    .require("given ETAs", PurchaseOrderStatus.ISSUED, PurchaseOrderStatus.CONFIRMED,
                            PurchaseOrderStatus.PARTIALLY_SHIPPED);
            LocalDate previous = line.eta;
            EtaChangeKind kind = line.setEta(request.eta(), LocalDate.now(clock));
            if (kind == null) {
                return views.full(order.po(), order.lines());
            }
            order.po().refresh(order.lines(), Instant.now(clock));
            return writer.etaSet(order.po(), line, previous, kind, request.reason(), supplierId)
                    .chain(() -> reconsiderSlipped(order, Set.of(line.id)))
                    .chain(() -> views.full(order.po(), order.lines()));
        });
    }

    /** Records a shipment advice: quantities per line under one tracking number. */
    @WithTransaction
    public Uni<PurchaseOrderView> advise(String supplierId, String purchaseOrderId, ShipmentRequest request) {
        return locked(supplierId, purchaseOrderId).flatMap(order -> {
            requireDistinct(request.lines().stream().map(ShipmentRequest.Line::lineId).toList());
            request.lines().forEach(requested -> order.line(requested.lineId()));
            order.po()
                    .require("shipped", PurchaseOrderStatus.ISSUED, PurchaseOrderStatus.CONFIRMED,
                            PurchaseOrderStatus.PARTIALLY_SHIPPED);
            LocalDate today = LocalDate.now(clock);
            LocalDate shippedOn = request.shippedOn() == null ? today : request.shippedOn();
            LocalDate issuedOn = LocalDate.ofInstant(order.po().issuedAt, clock.getZone());
            if (shippedOn.isAfter(today) || shippedOn.isBefore(issuedOn)) {
                throw new UnprocessableProblem("The shipping date " + shippedOn + " must lie between the order date "
                        + issuedOn + " and today " + today);
            }
            Shipment shipment = new Shipment();
            shipment.id = UUID.randomUUID();
            shipment.purchaseOrderId = purchaseOrderId;
            shipment.trackingNumber = request.trackingNumber();
            shipment.carrier = request.carrier();
            shipment.shippedOn = shippedOn;
            shipment.advisedBy = supplierId;
            shipment.advisedAt = Instant.now(clock);
            List<ShipmentLine> shipped = request.lines().stream().map(requested -> {
                order.line(requested.lineId()).ship(requested.quantity(), shippedOn);
                ShipmentLine line = new ShipmentLine();
                line.shipmentId = shipment.id;
                line.purchaseOrderLineId = requested.lineId();
                line.quantity = requested.quantity();
                return line;
            }).toList();
            order.po().refresh(order.lines(), Instant.now(clock));
            return shipments.persist(shipment)
                    .chain(() -> shipmentLines.persist(shipped))
                    .chain(() -> views.full(order.po(), order.lines()));
        });
    }

    /**
     * The supplier will not deliver the unshipped units of these lines. Inventory hears that the supply is gone,
     * and the units go to the best other supplier.
     */
    @WithTransaction
    public Uni<PurchaseOrderView> decline(String supplierId, String purchaseOrderId, DeclineRequest request) {
        return locked(supplierId, purchaseOrderId).flatMap(order -> {
            requireDistinct(request.lineIds());
            List<PurchaseOrderLine> declined = request.lineIds().stream().map(order::line).toList();
            order.po()
                    .require("declined", PurchaseOrderStatus.ISSUED, PurchaseOrderStatus.CONFIRMED,
                            PurchaseOrderStatus.PARTIALLY_SHIPPED);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PurchaseOrderLine line : declined) {
                chain = chain.chain(() -> writer.cancelUnshipped(order.po(), order.lines(), line, CancelCause.DECLINED,
                        "Declined by " + supplierId + ": " + request.reason(), null)
                        .flatMap(units -> sourcing.replaceDeclined(order.po(), line, units))
                        .replaceWithVoid());
            }
            return chain.chain(() -> views.full(order.po(), order.lines()));
        });
    }

    /** An order and its lines, locked for change. */
    private record Locked(PurchaseOrder po, List<PurchaseOrderLine> lines) {

        PurchaseOrderLine line(String lineId) {
            return lines.stream()
                    .filter(line -> line.id.equals(lineId))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundProblem("No line " + lineId + " on purchase order " + po.id));
        }
    }

    private Uni<Locked> locked(String supplierId, String purchaseOrderId) {
        return orders.lockOwned(purchaseOrderId, supplierId)
                .onItem()
                .ifNull()
                .failWith(() -> notFound(purchaseOrderId))
                .flatMap(po -> lines.ofOrder(po.id).map(found -> new Locked(po, found)));
    }

    private Uni<Void> reconsiderSlipped(Locked order, Set<String> lineIds) {
        Map<String, PurchaseOrderLine> byId = order.lines()
                .stream()
                .collect(Collectors.toMap(line -> line.id, Function.identity()));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String lineId : lineIds) {
            chain = chain.chain(() -> sourcing.reconsiderIfSlipped(order.po(), order.lines(), byId.get(lineId)));
        }
        return chain;
    }

    private static void requireDistinct(List<String> lineIds) {
        if (new HashSet<>(lineIds).size() != lineIds.size()) {
            throw new UnprocessableProblem("Each line may appear once per request");
        }
    }

    private static NotFoundProblem notFound(String purchaseOrderId) {
        return new NotFoundProblem("No purchase order " + purchaseOrderId);
    }
}
