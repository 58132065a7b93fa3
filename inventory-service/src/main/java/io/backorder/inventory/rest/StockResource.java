package io.backorder.inventory.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

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

    /** Every change of on-hand, newest first. */
    @GET
    @Path("/{sku}/journal")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<List<JournalEntryView>> journal(@RestPath String sku,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return stock.journal(sku, page, size);
    }
}
