package io.backorder.inventory.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;

import io.backorder.inventory.Location;
import io.backorder.inventory.service.CatalogService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/locations")
@RolesAllowed(Roles.OPERATOR)
public class LocationResource {

    private final CatalogService catalog;

    public LocationResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    public record LocationView(String id, String name, String region) {

        static LocationView of(Location location) {
            return new LocationView(location.id, location.name, location.region);
        }
    }

    @PUT
    @Path("/{id}")
    public Uni<LocationView> upsert(@RestPath @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}") String id,
            @Valid LocationRequest request) {
        return catalog.upsertLocation(id, request).map(LocationView::of);
    }

    @GET
    public Uni<List<LocationView>> list() {
        return catalog.locations().map(found -> found.stream().map(LocationView::of).toList());
    }
}
