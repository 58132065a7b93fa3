package io.backorder.supplier.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;

import io.backorder.supplier.service.ForecastService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Demand forecasts of the SKUs the calling supplier supplies; another SKU's forecast is not found. */
@Path("/supplier/forecasts")
@RolesAllowed(Roles.SUPPLIER)
public class SupplierForecastResource {

    private final ForecastService forecasts;
    private final JsonWebToken token;

    public SupplierForecastResource(ForecastService forecasts, JsonWebToken token) {
        this.forecasts = forecasts;
        this.token = token;
    }

    @GET
    public Uni<List<ForecastView>> list() {
        return forecasts.forSupplier(SupplierIdentity.require(token));
    }

    @GET
    @Path("/{sku}")
    public Uni<ForecastView> get(@RestPath String sku) {
        return forecasts.forSupplier(SupplierIdentity.require(token), sku);
    }
}
