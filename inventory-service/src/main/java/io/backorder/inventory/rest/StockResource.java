package io.backorder.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;

import io.backorder.inventory.service.StockService;
import io.backorder.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/stock")
public class StockResource {

    private final StockService stock;
    private final SecurityIdentity identity;

    public StockResource(StockService stock, SecurityIdentity identity) {
        this.stock = stock;
        this.identity = identity;
    }

    @POST
    @Path("/adjustments")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<StockView> adjust(@Valid @NotNull StockAdjustmentRequest request) {
        return stock.adjust(request, identity.getPrincipal().getName());
    }

    @GET
    @Path("/{sku}")
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM})
    public Uni<StockView> get(@RestPath String sku) {
        return stock.view(sku);
    }
}
