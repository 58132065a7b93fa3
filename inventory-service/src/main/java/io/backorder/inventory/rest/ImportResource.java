package io.backorder.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.backorder.inventory.service.ImportService;
import io.backorder.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** CSV uploads, all or nothing: a file with a bad row is refused with every bad row listed. */
@Path("/imports")
@RolesAllowed(Roles.OPERATOR)
@Consumes({"text/csv", "text/plain"})
public class ImportResource {

    private final ImportService imports;
    private final SecurityIdentity identity;

    public ImportResource(ImportService imports, SecurityIdentity identity) {
        this.imports = imports;
        this.identity = identity;
    }

    /** Columns: sku,name,backorderPolicy[,backorderCap,capToInbound,launchDate,leadTimeDays,substitutionGroup,unitPrice] */
    @POST
    @Path("/skus")
    public Uni<ImportView> skus(String csv) {
        return imports.importSkus(csv);
    }

    /** Columns: sku,locationId,onHand[,safetyStock]; sets the counted on-hand, journalling each difference. */
    @POST
    @Path("/stock")
    public Uni<ImportView> stock(String csv) {
        return imports.importStock(csv, identity.getPrincipal().getName());
    }
}
