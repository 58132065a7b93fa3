package io.backorder.supplier.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestPath;

import io.backorder.supplier.ChoiceKind;
import io.backorder.supplier.ChoiceOutcome;
import io.backorder.supplier.service.SourcingService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Sourcing decisions with the offers they weighed and their reasons. */
@Path("/supplier-choices")
@RolesAllowed(Roles.OPERATOR)
public class SupplierChoiceResource {

    private final SourcingService sourcing;

    public SupplierChoiceResource(SourcingService sourcing) {
        this.sourcing = sourcing;
    }

    /** @param demandId a replenishment request id or a backordered order line id */
    @GET
    public Uni<List<SupplierChoiceView>> list(@QueryParam("sku") String sku, @QueryParam("kind") ChoiceKind kind,
            @QueryParam("outcome") ChoiceOutcome outcome, @QueryParam("demandId") String demandId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return sourcing.choices(sku, kind, outcome, demandId, page, size);
    }

    @GET
    @Path("/{id}")
    public Uni<SupplierChoiceView> get(@RestPath UUID id) {
        return sourcing.choice(id);
    }
}
