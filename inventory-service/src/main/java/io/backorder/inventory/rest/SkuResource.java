package io.backorder.inventory.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestPath;

import io.backorder.inventory.Sku;
import io.backorder.inventory.service.CatalogService;
import io.backorder.inventory.service.PlanningService;
import io.backorder.inventory.service.QueueService;
import io.backorder.inventory.service.StockService;
import io.backorder.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/skus")
public class SkuResource {

    private final CatalogService catalog;
    private final QueueService queues;
    private final StockService stock;
    private final PlanningService planning;
    private final SecurityIdentity identity;
    private final Clock clock;

    public SkuResource(CatalogService catalog, QueueService queues, StockService stock, PlanningService planning,
            SecurityIdentity identity, Clock clock) {
        this.catalog = catalog;
        this.queues = queues;
        this.stock = stock;
        this.planning = planning;
        this.identity = identity;
        this.clock = clock;
    }

    @PUT
    @Path("/{sku}")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<SkuView> upsert(@RestPath @Pattern(regexp = Sku.ID_PATTERN) String sku, @Valid SkuRequest request) {
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

    /** The backorder queue in allocation order, with each line's priority broken down and its promise. */
    @GET
    @Path("/{sku}/backorders")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<QueueView> backorders(@RestPath String sku) {
        return queues.view(sku);
    }

    /** Demand per day (default: the last 90 days), as recorded for replenishment planning. */
    @GET
    @Path("/{sku}/demand")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<List<DemandView>> demand(@RestPath String sku, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        LocalDate until = to == null ? LocalDate.now(clock) : to;
        return stock.demand(sku, from == null ? until.minusDays(90) : from, until);
    }

    /** The SKU's replenishment plan as it would be made now (forecast, policy, open suggestion); changes nothing. */
    @GET
    @Path("/{sku}/plan")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<PlanView> plan(@RestPath String sku) {
        return planning.preview(sku).map(PlanView::of);
    }

    /** Plans the SKU now, as the schedule would: may propose, supersede or request a suggestion. */
    @POST
    @Path("/{sku}/plan")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<PlanView> planNow(@RestPath String sku) {
        return planning.plan(sku, "requested by " + identity.getPrincipal().getName()).map(PlanView::of);
    }
}
