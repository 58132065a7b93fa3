package io.backorder.insights.board;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.backorder.insights.Period;
import io.backorder.insights.Table;
import io.backorder.insights.config.InsightsConfig;
import io.backorder.insights.rest.KpiResource;
import io.backorder.insights.rest.PeriodParameters;
import io.backorder.insights.service.DeadLetters;
import io.backorder.insights.service.Kpis;
import io.backorder.support.security.Roles;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;

/**
 * The operator board. A browser cannot send a bearer token, so the login form takes the operator's token, verifies
 * it exactly as a bearer token is verified, and keeps it in an HttpOnly, SameSite=Strict cookie that the JWT
 * mechanism reads on every request (see application.properties). Forms carry a CSRF token that must equal the
 * {@value #CSRF_COOKIE} cookie (double submit): another site can neither read nor send it.
 */
@Path("/board")
public class BoardResource {

    public static final String SESSION_COOKIE = "backorder_board";
    public static final String CSRF_COOKIE = "backorder_board_csrf";
    private static final String DEAD_LETTERS = "dead-letters";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Kpis kpis;
    private final DeadLetters deadLetters;
    private final JWTParser parser;
    private final SecurityIdentity identity;
    private final Template index;
    private final Template sku;
    private final Template login;
    private final boolean secureCookies;

    public BoardResource(Kpis kpis, DeadLetters deadLetters, JWTParser parser, SecurityIdentity identity,
            InsightsConfig config, @Location("board/index") Template index,
            @Location("board/sku") Template sku, @Location("board/login") Template login) {
        this.secureCookies = config.board().secureCookies();
        this.kpis = kpis;
        this.deadLetters = deadLetters;
        this.parser = parser;
        this.identity = identity;
        this.index = index;
        this.sku = sku;
        this.login = login;
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public Response loginPage(@CookieParam(CSRF_COOKIE) String csrf) {
        return loginForm(Response.Status.OK, csrf, null);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response logIn(@FormParam("token") String token, @FormParam("csrf") String formCsrf,
            @CookieParam(CSRF_COOKIE) String csrf) {
        if (!sameToken(formCsrf, csrf)) {
            return loginForm(Response.Status.FORBIDDEN, csrf, "The form expired; please try again.");
        }
        try {
            var jwt = parser.parse(token == null ? "" : token.trim());
            if (!jwt.getGroups().contains(Roles.OPERATOR)) {
                return loginForm(Response.Status.FORBIDDEN, csrf, "This token does not carry the operator role.");
            }
            long seconds = Math.max(0, jwt.getExpirationTime() - Instant.now().getEpochSecond());
            return Response.seeOther(URI.create("/board"))
                    .cookie(cookie(SESSION_COOKIE, jwt.getRawToken(), (int) Math.min(seconds, Integer.MAX_VALUE)))
                    .build();
        } catch (ParseException e) {
            return loginForm(Response.Status.UNAUTHORIZED, csrf, "This token is not valid (or has expired).");
        }
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logOut(@FormParam("csrf") String formCsrf, @CookieParam(CSRF_COOKIE) String csrf) {
        if (!sameToken(formCsrf, csrf)) {
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        return Response.seeOther(URI.create("/board/login")).cookie(cookie(SESSION_COOKIE, "", 0)).build();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> board(@BeanParam PeriodParameters parameters, @CookieParam(CSRF_COOKIE) String csrf) {
        Response denied = denied();
        if (denied != null) {
            return Uni.createFrom().item(denied);
        }
        Period period = parameters.resolve(kpis.today());
        String query = "from=" + period.from() + "&to=" + period.to();
        List<Uni<Table>> tables = new ArrayList<>(Kpis.TABLES.stream().map(id -> kpis.table(id, period)).toList());
        tables.add(deadLettersOrNone());
        return Uni.join().all(tables).andFailFast().map(results -> {
            Table daily = results.get(Kpis.TABLES.indexOf("daily"));
            Table aging = results.get(Kpis.TABLES.indexOf("aging"));
            List<BoardView.Chart> charts = List.of(
                    new BoardView.Chart("rates", "Backorder rate and fill rate per day",
                            Charts.lines("chart-rates", "Backorder rate and fill rate per day", daily,
                                    List.of("backorder_rate", "fill_rate"))),
                    new BoardView.Chart("aging", "Open backorder units by age (days)",
                            Charts.bars("chart-aging", "Open backorder units by age", aging, "units")));
            List<BoardView.ViewTable> views = new ArrayList<>();
            for (Table table : results) {
                views.add(BoardView.ViewTable.of(table, "/board/" + table.id() + "/export.csv?" + query));
            }
            String token = csrfToken(csrf);
            List<String> deadLetterIds = results.get(results.size() - 1)
                    .rows()
                    .stream()
                    .map(row -> String.valueOf(row.get(0)))
                    .toList();
            BoardView view = new BoardView("Backorder board", period.from().toString(), period.to().toString(),
                    query, token, charts, views, deadLetterIds);
            return page(index.data("page", view).render(), token);
        });
    }

    @GET
    @Path("/skus/{sku}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> skuPage(@PathParam("sku") String skuId, @CookieParam(CSRF_COOKIE) String csrf) {
        Response denied = denied();
        if (denied != null) {
            return Uni.createFrom().item(denied);
        }
        return kpis.skuLines(skuId).map(lines -> {
            String token = csrfToken(csrf);
            String export = BoardView.skuHref(skuId) + "/export.csv";
            BoardView view = new BoardView("SKU " + skuId, "", "", "", token, List.of(),
                    List.of(BoardView.ViewTable.of(lines, export)), List.of());
            return page(sku.data("page", view).render(), token);
        });
    }

    @GET
    @Path("/skus/{sku}/export.csv")
    @Produces(KpiResource.CSV)
    public Uni<Response> exportSku(@PathParam("sku") String skuId) {
        Response denied = denied();
        if (denied != null) {
            return Uni.createFrom().item(denied);
        }
        return kpis.skuLines(skuId).map(table -> KpiResource.respond(table, "csv"));
    }

    @GET
    @Path("/{table}/export.csv")
    @Produces(KpiResource.CSV)
    public Uni<Response> export(@PathParam("table") String table, @BeanParam PeriodParameters parameters) {
        Response denied = denied();
        if (denied != null) {
            return Uni.createFrom().item(denied);
        }
        Uni<Table> result = DEAD_LETTERS.equals(table)
                ? deadLetters.table()
                : Uni.createFrom().deferred(() -> kpis.table(table, parameters.resolve(kpis.today())));
        return result.map(rows -> KpiResource.respond(rows, "csv"));
    }

    /** Sends one dead letter ({@code messageId}) or all of them back to their inboxes. */
    @POST
    @Path("/dead-letters/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> retryDeadLetters(@FormParam("messageId") String messageId, @FormParam("csrf") String formCsrf,
            @CookieParam(CSRF_COOKIE) String csrf) {
        Response denied = denied();
        if (denied != null) {
            return Uni.createFrom().item(denied);
        }
        if (!sameToken(formCsrf, csrf)) {
            return Uni.createFrom()
                    .item(Response.status(Response.Status.FORBIDDEN)
                            .type(MediaType.TEXT_PLAIN)
                            .entity("The form expired; reload the board.")
                            .build());
        }
        return deadLetters.retry(messageId == null || messageId.isBlank() ? null : messageId)
                .map(moved -> Response.seeOther(URI.create("/board#dead-letters")).build());
    }

    /** The board still shows the KPIs when the broker cannot be reached; the dead letters are then left out. */
    private Uni<Table> deadLettersOrNone() {
        return deadLetters.table().onFailure().recoverWithItem(failure -> {
            Log.warnf("Dead letters not read from the broker: %s", failure.getMessage());
            return new Table(DEAD_LETTERS, "Dead letters (broker not reachable)", List.of("id", "type",
                    "correlation", "destinations"), List.of());
        });
    }

    /** Null when the caller is an operator; otherwise the login page (not logged in) or 403. */
    private Response denied() {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/board/login")).build();
        }
        if (!identity.hasRole(Roles.OPERATOR)) {
            return Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("The board is for operators.")
                    .build();
        }
        return null;
    }

    private Response loginForm(Response.Status status, String csrf, String error) {
        String token = csrfToken(csrf);
        return page(status, login.data("csrf", token).data("error", error).render(), token);
    }

    private Response page(String html, String csrf) {
        return page(Response.Status.OK, html, csrf);
    }

    private Response page(Response.Status status, String html, String csrf) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html)
                .cookie(cookie(CSRF_COOKIE, csrf, (int) Duration.ofHours(12).toSeconds()))
                // the board shows business figures: no caching, no framing by other sites
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'")
                .build();
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value)
                .path("/")
                .secure(secureCookies)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }

    /** The browser's CSRF token, or a new one when it has none yet. */
    private static String csrfToken(String existing) {
        if (existing != null && existing.length() >= 32) {
            return existing;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean sameToken(String form, String cookie) {
        return form != null && cookie != null && cookie.length() >= 32 && MessageDigest.isEqual(
                form.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8));
    }
}
