package io.backorder.inventory.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestPath;

import io.backorder.inventory.service.CatalogService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/skus")
public class SkuResource {

    static final String SKU_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final CatalogService catalog;

    public SkuResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @PUT
    @Path("/{sku}")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<SkuView> upsert(@RestPath @Pattern(regexp = SKU_PATTERN) String sku, @Valid SkuRequest request) {
        return catalog.upsertSku(sku, request).map(SkuView::of);
    }

    @GET
    @Path("/{sku}")
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM})
    public Uni<SkuView> get(@RestPath String sku) {
        return catalog.sku(sku).map(SkuView::of);
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM})
    public Uni<List<SkuView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return catalog.skus(page, size).map(found -> found.stream().map(SkuView::of).toList());
    }
}
