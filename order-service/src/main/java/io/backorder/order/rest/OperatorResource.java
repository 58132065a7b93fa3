package io.backorder.order.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestPath;

import io.backorder.order.DeadlineKind;
import io.backorder.order.OrderStatus;
import io.backorder.order.service.OperatorService;
import io.backorder.order.service.OrderService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** For operators: orders by state, sagas waiting on deadlines, provider calls still to be made. */
@Path("/operator")
@RolesAllowed(Roles.OPERATOR)
public class OperatorResource {

    private final OperatorService operator;
    private final OrderService orders;

    public OperatorResource(OperatorService operator, OrderService orders) {
        this.operator = operator;
        this.orders = orders;
    }

    /** @param attention only orders waiting for a payment update or flagged for an operator */
    @GET
    @Path("/orders")
    public Uni<List<OrderSummary>> orders(@QueryParam("status") @NotNull OrderStatus status,
            @QueryParam("attention") @DefaultValue("false") boolean attention,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return operator.orders(status, attention, page, size);
    }

    @GET
    @Path("/orders/{id}")
    public Uni<OrderView> order(@RestPath UUID id) {
        return orders.viewAny(id);
    }

    /** Pending deadlines, soonest first. */
    @GET
    @Path("/deadlines")
    public Uni<List<OperatorViews.DeadlineView>> deadlines(@QueryParam("kind") DeadlineKind kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return operator.deadlines(kind, page, size);
    }

    @GET
    @Path("/payment-operations")
    public Uni<List<OperatorViews.PaymentOperationView>> paymentOperations(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return operator.pendingPaymentOperations(page, size);
    }
}
