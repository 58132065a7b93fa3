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

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.backorder.supplier.PurchaseOrderStatus;
import io.backorder.supplier.service.IdempotencyService;
import io.backorder.supplier.service.SupplierPortalService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The supplier ETA endpoint: suppliers see and answer their own purchase orders. The supplier is the token's
 * supplier_id claim; another supplier's order or line is not found. Every POST accepts an Idempotency-Key.
 * Rate-limited per supplier ({@link SupplierRateLimiter}).
 */
@Path("/supplier/purchase-orders")
@RolesAllowed(Roles.SUPPLIER)
public class SupplierPortalResource {

    private final SupplierPortalService portal;
    private final IdempotencyService idempotency;
    private final JsonWebToken token;

    public SupplierPortalResource(SupplierPortalService portal, IdempotencyService idempotency,
            JsonWebToken token) {
        this.portal = portal;
        this.idempotency = idempotency;
        this.token = token;
    }

    @GET
    public Uni<List<PurchaseOrderView>> list(@QueryParam("status") PurchaseOrderStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return portal.list(supplier(), status, page, size);
    }

    @GET
    @Path("/{id}")
    public Uni<PurchaseOrderView> get(@RestPath String id) {
        return portal.get(supplier(), id);
    }

    /** Confirms the order with an ETA per line. */
    @POST
    @Path("/{id}/confirmation")
    public Uni<PurchaseOrderView> confirm(@RestPath String id,
            @RestHeader(IdempotencyKey.HEADER) @Pattern(regexp = Patterns.IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull ConfirmationRequest request) {
        String supplier = supplier();
        return idempotency.once(IdempotencyKey.supplierScope(supplier), idempotencyKey, "confirm " + id, request,
                PurchaseOrderView.class, () -> portal.confirm(supplier, id, request));
    }

    /** Sets the ETA of a line: the first one confirms the line, later ones change it. */
    @POST
    @Path("/{id}/lines/{lineId}/eta")
    public Uni<PurchaseOrderView> setEta(@RestPath String id, @RestPath String lineId,
            @RestHeader(IdempotencyKey.HEADER) @Pattern(regexp = Patterns.IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull EtaChangeRequest request) {
        String supplier = supplier();
        return idempotency.once(IdempotencyKey.supplierScope(supplier), idempotencyKey, "eta " + id + " " + lineId,
                request, PurchaseOrderView.class, () -> portal.setEta(supplier, id, lineId, request));
    }

    /** Advises a shipment: quantities per line and a tracking number. */
    @POST
    @Path("/{id}/shipments")
    public Uni<PurchaseOrderView> advise(@RestPath String id,
            @RestHeader(IdempotencyKey.HEADER) @Pattern(regexp = Patterns.IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull ShipmentRequest request) {
        String supplier = supplier();
        return idempotency.once(IdempotencyKey.supplierScope(supplier), idempotencyKey, "ship " + id, request,
                PurchaseOrderView.class, () -> portal.advise(supplier, id, request));
    }

    /** Declines the unshipped units of lines. */
    @POST
    @Path("/{id}/declines")
    public Uni<PurchaseOrderView> decline(@RestPath String id,
            @RestHeader(IdempotencyKey.HEADER) @Pattern(regexp = Patterns.IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull DeclineRequest request) {
        String supplier = supplier();
        return idempotency.once(IdempotencyKey.supplierScope(supplier), idempotencyKey, "decline " + id, request,
                PurchaseOrderView.class, () -> portal.decline(supplier, id, request));
    }

    private String supplier() {
        return SupplierIdentity.require(token);
    }
}
