package io.backorder.supplier.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.backorder.supplier.service.StatisticsService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Delivery performance of every supplier. */
@Path("/statistics")
@RolesAllowed(Roles.OPERATOR)
public class StatisticsResource {

    private final StatisticsService statistics;

    public StatisticsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    public Uni<List<StatisticsView>> all() {
        return statistics.ofAll();
    }
}
