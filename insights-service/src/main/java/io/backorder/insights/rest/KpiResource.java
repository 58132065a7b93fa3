package io.backorder.insights.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.backorder.insights.Table;
import io.backorder.insights.service.Kpis;
import io.backorder.support.rest.UnprocessableProblem;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** The KPI tables as JSON (or CSV with {@code ?format=csv}) for operators' tools. */
@Path("/kpis")
@RolesAllowed(Roles.OPERATOR)
public class KpiResource {

    public static final String CSV = "text/csv";

    private final Kpis kpis;

    public KpiResource(Kpis kpis) {
        this.kpis = kpis;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> tables() {
        return Map.of("tables", Kpis.TABLES);
    }

    @GET
    @Path("/{table}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Uni<Response> table(@PathParam("table") String table, @BeanParam PeriodParameters period,
            @QueryParam("format") String format) {
        return kpis.table(table, period.resolve(kpis.today())).map(result -> respond(result, format));
    }

    @GET
    @Path("/skus/{sku}/lines")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Uni<Response> skuLines(@PathParam("sku") String sku, @QueryParam("format") String format) {
        return kpis.skuLines(sku).map(result -> respond(result, format));
    }

    /** JSON by default; CSV as a download named after the table. */
    public static Response respond(Table table, String format) {
        if (format == null || format.equals("json")) {
            return Response.ok(Map.of("id", table.id(), "title", table.title(), "columns", table.columns(), "rows",
                    table.records()), MediaType.APPLICATION_JSON).build();
        }
        if (format.equals("csv")) {
            return Response.ok(table.csv(), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + table.id() + ".csv\"")
                    .build();
        }
        throw new UnprocessableProblem("format must be json or csv");
    }
}
