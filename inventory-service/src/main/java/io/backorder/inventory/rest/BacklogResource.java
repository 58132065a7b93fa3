package io.backorder.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.backorder.inventory.service.StockService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** The fulfilment backlog: reserved units waiting to be picked and shipped (not backorders). */
@Path("/backlog")
@RolesAllowed(Roles.OPERATOR)
public class BacklogResource {

    private final StockService stock;

    public BacklogResource(StockService stock) {
        this.stock = stock;
    }

    @GET
    public Uni<BacklogView> backlog(@QueryParam("sku") String sku, @QueryParam("locationId") String locationId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return stock.backlog(sku, locationId, page, size);
    }
}
