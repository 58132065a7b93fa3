package io.backorder.supplier.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;

import io.backorder.supplier.service.StatisticsService;
import io.backorder.supplier.service.SupplierService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/suppliers")
@RolesAllowed(Roles.OPERATOR)
public class SupplierResource {

    private final SupplierService suppliers;
    private final StatisticsService statistics;

    public SupplierResource(SupplierService suppliers, StatisticsService statistics) {
        this.suppliers = suppliers;
        this.statistics = statistics;
    }

    /** Creates or updates a supplier; the id is the supplier_id its tokens carry. */
    @PUT
    @Path("/{id}")
    public Uni<SupplierView> upsert(@RestPath @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @Valid @NotNull SupplierRequest request) {
        return suppliers.upsert(id, request);
    }

    @GET
    public Uni<List<SupplierView>> list() {
        return suppliers.list();
    }

    @GET
    @Path("/{id}")
    public Uni<SupplierView> get(@RestPath String id) {
        return suppliers.get(id);
    }

    @GET
    @Path("/{id}/statistics")
    public Uni<StatisticsView> statistics(@RestPath String id) {
        return statistics.ofSupplier(id);
    }
}
