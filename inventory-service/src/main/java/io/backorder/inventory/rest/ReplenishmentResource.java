package io.backorder.inventory.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestPath;

import io.backorder.inventory.SuggestionState;
import io.backorder.inventory.service.PlanningService;
import io.backorder.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Operators review the planner's suggestions and override them. */
@Path("/replenishment/suggestions")
@RolesAllowed(Roles.OPERATOR)
public class ReplenishmentResource {

    private final PlanningService planning;
    private final SecurityIdentity identity;

    public ReplenishmentResource(PlanningService planning, SecurityIdentity identity) {
        this.planning = planning;
        this.identity = identity;
    }

    @GET
    public Uni<List<SuggestionView>> list(@QueryParam("state") SuggestionState state, @QueryParam("sku") String sku,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return planning.suggestions(state, sku, page, size)
                .map(found -> found.stream().map(SuggestionView::of).toList());
    }

    @GET
    @Path("{id}")
    public Uni<SuggestionView> get(@RestPath UUID id) {
        return planning.suggestion(id).map(SuggestionView::of);
    }

    /** Approves a proposed suggestion: it is requested from supplier-service at once. */
    @POST
    @Path("{id}/approve")
    public Uni<SuggestionView> approve(@RestPath UUID id) {
        return planning.approve(id, operator()).map(SuggestionView::of);
    }

    @PUT
    @Path("{id}/quantity")
    public Uni<SuggestionView> changeQuantity(@RestPath UUID id,
            @Valid @NotNull ReplenishmentRequests.QuantityChange change) {
        return planning.changeQuantity(id, change.quantity(), operator()).map(SuggestionView::of);
    }

    @PUT
    @Path("{id}/supplier")
    public Uni<SuggestionView> pinSupplier(@RestPath UUID id, @Valid @NotNull ReplenishmentRequests.SupplierPin pin) {
        return planning.pinSupplier(id, pin.supplierId(), operator()).map(SuggestionView::of);
    }

    @POST
    @Path("{id}/dismiss")
    public Uni<SuggestionView> dismiss(@RestPath UUID id, @Valid ReplenishmentRequests.Dismissal dismissal) {
        return planning.dismiss(id, dismissal == null ? null : dismissal.reason(), operator())
                .map(SuggestionView::of);
    }

    private String operator() {
        return identity.getPrincipal().getName();
    }
}
