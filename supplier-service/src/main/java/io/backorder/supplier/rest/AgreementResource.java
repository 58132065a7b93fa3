package io.backorder.supplier.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

import io.backorder.supplier.service.AgreementService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/agreements")
@RolesAllowed(Roles.OPERATOR)
public class AgreementResource {

    /** About 10,000 rows: a whole price list, not a database dump. */
    private static final int MAX_CSV_CHARS = 2_000_000;

    private final AgreementService agreements;

    public AgreementResource(AgreementService agreements) {
        this.agreements = agreements;
    }

    @POST
    @ResponseStatus(201)
    public Uni<AgreementView> create(@Valid @NotNull AgreementRequest request) {
        return agreements.create(request);
    }

    @PUT
    @Path("/{id}")
    public Uni<AgreementView> update(@RestPath UUID id, @Valid @NotNull AgreementRequest request) {
        return agreements.update(id, request);
    }

    @GET
    @Path("/{id}")
    public Uni<AgreementView> get(@RestPath UUID id) {
        return agreements.get(id);
    }

    @GET
    public Uni<List<AgreementView>> list(@QueryParam("supplierId") String supplierId, @QueryParam("sku") String sku,
            @QueryParam("validOn") LocalDate validOn, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return agreements.list(supplierId, sku, validOn, page, size);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    public Uni<Void> delete(@RestPath UUID id) {
        return agreements.delete(id);
    }

    /** Imports a price list; see README for the columns. All rows are applied, or none. */
    @POST
    @Path("/import")
    @Consumes("text/csv")
    public Uni<ImportResult> importCsv(@NotBlank @Size(max = MAX_CSV_CHARS) String csv) {
        return agreements.importCsv(csv);
    }
}
