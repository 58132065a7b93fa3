package io.backorder.supplier.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.Agreement;
import io.backorder.supplier.CancelCause;
import io.backorder.supplier.Candidate;
import io.backorder.supplier.Demand;
import io.backorder.supplier.Offer;
import io.backorder.supplier.PurchaseOrderKind;
import io.backorder.supplier.PurchaseOrderLine;
import io.backorder.supplier.PurchaseOrderStatus;
import io.backorder.supplier.Reliability;
import io.backorder.supplier.SupplierChooser;
import io.backorder.supplier.repository.AgreementRepository;
import io.backorder.supplier.repository.PurchaseOrderLineRepository;
import io.backorder.supplier.repository.PurchaseOrderRepository;
import io.backorder.supplier.repository.SupplierRepository;
import io.backorder.supplier.rest.CancellationRequest;
import io.backorder.supplier.rest.NewPurchaseOrderRequest;
import io.backorder.supplier.rest.PurchaseOrderView;
import io.backorder.supplier.service.PurchaseOrderWriter.NewLine;
import io.backorder.supplier.service.PurchaseOrderWriter.NewOrder;
import io.backorder.support.rest.ConflictProblem;
import io.backorder.support.rest.NotFoundProblem;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Purchase orders as operators see and place them. */
@ApplicationScoped
public class PurchaseOrderService {

    private final PurchaseOrderRepository orders;
    private final PurchaseOrderLineRepository lines;
    private final SupplierRepository suppliers;
    private final AgreementRepository agreements;
    private final StatisticsService statistics;
    private final PurchaseOrderWriter writer;
    private final PurchaseOrderViews views;
    private final SupplierChooser chooser;
    private final Clock clock;

    public PurchaseOrderService(PurchaseOrderRepository orders, PurchaseOrderLineRepository lines,
            SupplierRepository suppliers, AgreementRepository agreements, StatisticsService statistics,
            PurchaseOrderWriter writer, PurchaseOrderViews views, SupplierChooser chooser, Clock clock) {
        this.orders = orders;
        this.lines = lines;
        this.suppliers = suppliers;
        this.agreements = agreements;
        this.statistics = statistics;
        this.writer = writer;
        this.views = views;
        this.chooser = chooser;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<PurchaseOrderView>> list(String supplierId, PurchaseOrderStatus status, String sku, int page,
            int size) {
        return orders.search(supplierId, status, sku, page, size).flatMap(views::summaries);
    }

    @WithSession
    public Uni<PurchaseOrderView> get(String id) {
        return orders.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No purchase order " + id))
                .flatMap(views::full);
    }

    /**
     * Places an order with a supplier the operator chose. Each line is bought under the supplier's agreement for
     * the SKU valid today, priced and rounded like any other order.
     */
    @WithTransaction
    public Uni<PurchaseOrderView> create(NewPurchaseOrderRequest request, String operator) {
        LocalDate today = LocalDate.now(clock);
        return suppliers.findById(request.supplierId()).flatMap(supplier -> {
            if (supplier == null || !supplier.active) {
                throw new UnprocessableProblem("No active supplier " + request.supplierId());
            }
            return statistics.reliabilities(Set.of(supplier.id))
                    .map(known -> known.getOrDefault(supplier.id, Reliability.UNKNOWN));
        }).flatMap(reliability -> {
            Uni<List<Offer>> priced = Uni.createFrom().item(new ArrayList<>());
            for (NewPurchaseOrderRequest.Line line : request.lines()) {
                priced = priced.flatMap(done -> agreements.validOn(request.supplierId(), line.sku(), today)
                        .map(agreement -> {
                            done.add(price(agreement, line, reliability, request.supplierId(), today));
                            return done;
                        }));
            }
            return priced;
        }).flatMap(offers -> {
            List<String> currencies = offers.stream().map(Offer::currency).distinct().toList();
            if (currencies.size() > 1) {
                throw new UnprocessableProblem("The agreements of these lines are in different currencies "
                        + currencies + "; place one order per currency");
            }
            List<NewLine> newLines = new ArrayList<>();
            for (int i = 0; i < offers.size(); i++) {
                NewPurchaseOrderRequest.Line line = request.lines().get(i);
                newLines.add(NewLine.of(offers.get(i), demand(line, today), "manual-" + UUID.randomUUID()));
            }
            NewOrder order = new NewOrder(request.supplierId(), PurchaseOrderKind.STOCK, request.locationId(), null,
                    null, currencies.get(0), newLines, null);
            return writer.issue(order, operator, null);
        }).flatMap(issued -> views.full(issued.order(), issued.lines()));
    }

    /** Cancels an order before anything of it shipped; inventory hears that each line's supply is gone. */
    @WithTransaction
    public Uni<PurchaseOrderView> cancel(String id, CancellationRequest request, String operator) {
        return orders.lock(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No purchase order " + id))
                .flatMap(po -> lines.ofOrder(id).flatMap(orderLines -> {
                    po.require("cancelled", PurchaseOrderStatus.ISSUED, PurchaseOrderStatus.CONFIRMED);
                    if (orderLines.stream().anyMatch(line -> line.shipped > 0 || line.received > 0)) {
                        throw new ConflictProblem("Purchase order " + id + " has received goods; it cannot be "
                                + "cancelled");
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (PurchaseOrderLine line : orderLines) {
                        if (!line.status.terminal()) {
                            chain = chain.chain(() -> writer.cancelUnshipped(po, orderLines, line, CancelCause.BUYER,
                                    "Cancelled by " + operator + ": " + request.reason(), null).replaceWithVoid());
                        }
                    }
                    return chain.chain(() -> views.full(po, orderLines));
                }));
    }

    private Offer price(Agreement agreement, NewPurchaseOrderRequest.Line line, Reliability reliability,
            String supplierId, LocalDate today) {
        if (agreement == null) {
            throw new UnprocessableProblem("Supplier " + supplierId + " has no agreement for " + line.sku()
                    + " valid on " + today);
        }
        if (line.urgent() && !agreement.terms().hasUrgentClause()) {
            throw new UnprocessableProblem("The agreement of " + supplierId + " for " + line.sku()
                    + " has no urgent clause");
        }
        if (line.needBy() != null && line.needBy().isBefore(today)) {
            throw new UnprocessableProblem("The need-by date " + line.needBy() + " of " + line.sku()
                    + " is in the past");
        }
        Candidate candidate = new Candidate(agreement.terms(), true, reliability);
        return chooser.offer(demand(line, today), candidate, line.urgent() ? Offer.Mode.URGENT : Offer.Mode.STANDARD);
    }

    private static Demand demand(NewPurchaseOrderRequest.Line line, LocalDate today) {
        return new Demand(line.sku(), line.quantity(), line.needBy(), line.urgent(), today, Set.of());
    }
}
