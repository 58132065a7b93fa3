package io.backorder.supplier.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.backorder.supplier.PurchaseOrderStatus;
import io.backorder.supplier.service.IdempotencyService;
import io.backorder.supplier.service.PurchaseOrderService;
import io.backorder.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Every supplier's purchase orders, for operators. */
@Path("/purchase-orders")
@RolesAllowed(Roles.OPERATOR)
public class PurchaseOrderResource {

    private final PurchaseOrderService orders;
    private final IdempotencyService idempotency;
    private final SecurityIdentity identity;

    public PurchaseOrderResource(PurchaseOrderService orders, IdempotencyService idempotency,
            SecurityIdentity identity) {
        this.orders = orders;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @GET
    public Uni<List<PurchaseOrderView>> list(@QueryParam("supplierId") String supplierId,
            @QueryParam("status") PurchaseOrderStatus status, @QueryParam("sku") String sku,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return orders.list(supplierId, status, sku, page, size);
    }

    @GET
    @Path("/{id}")
    public Uni<PurchaseOrderView> get(@RestPath String id) {
        return orders.get(id);
    }

    @POST
    @ResponseStatus(201)
    public Uni<PurchaseOrderView> create(
            @RestHeader(IdempotencyKey.HEADER) @Pattern(regexp = Patterns.IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull NewPurchaseOrderRequest request) {
        String operator = identity.getPrincipal().getName();
        return idempotency.once(IdempotencyKey.operatorScope(operator), idempotencyKey, "create-purchase-order",
                request, PurchaseOrderView.class, () -> orders.create(request, operator));
    }

    @POST
    @Path("/{id}/cancellation")
    public Uni<PurchaseOrderView> cancel(@RestPath String id, @Valid @NotNull CancellationRequest request) {
        return orders.cancel(id, request, identity.getPrincipal().getName());
    }
}
