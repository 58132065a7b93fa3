package io.backorder.order.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.order.DeadlineKind;
import io.backorder.order.OrderStatus;
import io.backorder.order.repository.DeadlineRepository;
import io.backorder.order.repository.OrderRepository;
import io.backorder.order.repository.PaymentOperationRepository;
import io.backorder.order.rest.OperatorViews;
import io.backorder.order.rest.OrderSummary;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** What operators watch: orders by state, sagas waiting on deadlines, provider calls not done yet. */
@ApplicationScoped
public class OperatorService {

    private final OrderRepository orders;
    private final DeadlineRepository deadlines;
    private final PaymentOperationRepository operations;

    public OperatorService(OrderRepository orders, DeadlineRepository deadlines,
            PaymentOperationRepository operations) {
        this.orders = orders;
        this.deadlines = deadlines;
        this.operations = operations;
    }

    @WithSession
    public Uni<List<OrderSummary>> orders(OrderStatus status, boolean needsAttention, int page, int size) {
        return orders.byStatus(status, needsAttention, page, size)
                .map(found -> found.stream().map(OrderSummary::of).toList());
    }

    @WithSession
    public Uni<List<OperatorViews.DeadlineView>> deadlines(DeadlineKind kind, int page, int size) {
        return deadlines.pending(kind, page, size)
                .map(found -> found.stream().map(OperatorViews.DeadlineView::of).toList());
    }

    @WithSession
    public Uni<List<OperatorViews.PaymentOperationView>> pendingPaymentOperations(int page, int size) {
        return operations.pending(page, size)
                .map(found -> found.stream().map(OperatorViews.PaymentOperationView::of).toList());
    }
}
