package io.backorder.supplier.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.EtaChange;
import io.backorder.supplier.GoodsReceipt;
import io.backorder.supplier.PurchaseOrder;
import io.backorder.supplier.PurchaseOrderLine;
import io.backorder.supplier.Shipment;
import io.backorder.supplier.ShipmentLine;
import io.backorder.supplier.repository.EtaChangeRepository;
import io.backorder.supplier.repository.GoodsReceiptRepository;
import io.backorder.supplier.repository.PurchaseOrderLineRepository;
import io.backorder.supplier.repository.ShipmentLineRepository;
import io.backorder.supplier.repository.ShipmentRepository;
import io.backorder.supplier.rest.PurchaseOrderView;
import io.smallrye.mutiny.Uni;

/** Assembles purchase-order views; runs in the caller's session. */
@ApplicationScoped
public class PurchaseOrderViews {

    private final PurchaseOrderLineRepository lines;
    private final EtaChangeRepository history;
    private final ShipmentRepository shipments;
    private final ShipmentLineRepository shipmentLines;
    private final GoodsReceiptRepository receipts;
    private final Clock clock;

    public PurchaseOrderViews(PurchaseOrderLineRepository lines, EtaChangeRepository history,
            ShipmentRepository shipments, ShipmentLineRepository shipmentLines, GoodsReceiptRepository receipts,
            Clock clock) {
        this.lines = lines;
        this.history = history;
        this.shipments = shipments;
        this.shipmentLines = shipmentLines;
        this.receipts = receipts;
        this.clock = clock;
    }

    public Uni<PurchaseOrderView> full(PurchaseOrder po) {
        return lines.ofOrder(po.id).flatMap(found -> full(po, found));
    }

    /** The order with its lines' ETA histories, its shipments and receipts. */
    public Uni<PurchaseOrderView> full(PurchaseOrder po, List<PurchaseOrderLine> orderLines) {
        List<String> lineIds = orderLines.stream().map(line -> line.id).toList();
        return history.ofLines(lineIds)
                .flatMap(changes -> shipments.ofOrder(po.id)
                        .flatMap(advised -> shipmentLines.ofShipments(advised.stream().map(s -> s.id).toList())
                                .flatMap(shipped -> receipts.ofOrder(po.id).map(received -> {
                                    Map<String, List<EtaChange>> byLine = changes.stream()
                                            .collect(Collectors.groupingBy(change -> change.purchaseOrderLineId));
                                    return view(po, orderLines, byLine, shipmentViews(advised, shipped),
                                            received.stream().map(PurchaseOrderViews::receiptView).toList());
                                }))));
    }

    /** Orders with their lines, without histories, shipments and receipts: for lists. */
    public Uni<List<PurchaseOrderView>> summaries(List<PurchaseOrder> orders) {
        return lines.ofOrders(orders.stream().map(po -> po.id).toList()).map(found -> {
            Map<String, List<PurchaseOrderLine>> byOrder = found.stream()
                    .collect(Collectors.groupingBy(line -> line.purchaseOrderId));
            return orders.stream()
                    .map(po -> view(po, byOrder.getOrDefault(po.id, List.of()), Map.of(), List.of(), List.of()))
                    .toList();
        });
    }

    private PurchaseOrderView view(PurchaseOrder po, List<PurchaseOrderLine> orderLines,
            Map<String, List<EtaChange>> changes, List<PurchaseOrderView.ShipmentView> shipmentViews,
            List<PurchaseOrderView.ReceiptView> receiptViews) {
        LocalDate today = LocalDate.now(clock);
        BigDecimal total = orderLines.stream()
                .map(line -> line.unitPrice.multiply(BigDecimal.valueOf(line.quantity - line.cancelled)))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        List<PurchaseOrderView.Line> lineViews = orderLines.stream()
                .map(line -> new PurchaseOrderView.Line(line.id, line.lineNumber, line.sku, line.quantity,
                        line.unitPrice, line.urgent, line.expectedDate, line.eta, line.etaConfirmed,
                        line.promisedDate, line.shipped, line.received, line.cancelled, line.cancelCause, line.status,
                        line.overdue(today), changes.getOrDefault(line.id, List.of())
                                .stream()
                                .map(PurchaseOrderViews::changeView)
                                .toList()))
                .toList();
        return new PurchaseOrderView(po.id, po.supplierId, po.kind, po.status, po.locationId, po.orderId,
                po.orderLineId, po.currency, total, po.issuedAt, po.confirmedAt, lineViews, shipmentViews,
                receiptViews);
    }

    private static List<PurchaseOrderView.ShipmentView> shipmentViews(List<Shipment> advised,
            List<ShipmentLine> shipped) {
        Map<UUID, List<ShipmentLine>> byShipment = shipped.stream()
                .collect(Collectors.groupingBy(line -> line.shipmentId));
        return advised.stream()
                .map(s -> new PurchaseOrderView.ShipmentView(s.id, s.trackingNumber, s.carrier, s.shippedOn,
                        s.advisedAt, byShipment.getOrDefault(s.id, List.of())
                                .stream()
                                .map(l -> new PurchaseOrderView.ShippedLine(l.purchaseOrderLineId, l.quantity))
                                .toList()))
                .toList();
    }

    private static PurchaseOrderView.EtaChangeView changeView(EtaChange change) {
        return new PurchaseOrderView.EtaChangeView(change.kind, change.previousEta, change.newEta, change.reason,
                change.changedBy, change.changedAt);
    }

    private static PurchaseOrderView.ReceiptView receiptView(GoodsReceipt receipt) {
        return new PurchaseOrderView.ReceiptView(receipt.receiptId, receipt.purchaseOrderLineId, receipt.quantity,
                receipt.receivedOn);
    }
}
