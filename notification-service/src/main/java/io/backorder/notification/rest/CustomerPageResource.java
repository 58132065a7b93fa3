package io.backorder.notification.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.backorder.notification.content.NoticeKind;
import io.backorder.notification.service.CustomerPageService;
import io.backorder.notification.service.PageForm;
import io.backorder.notification.service.PageResult;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The customer's page behind a link: {@code GET} only shows, every change is a form post (works without
 * JavaScript). The token in the path is the only credential; it never appears in a Referer (see
 * {@link CustomerLinkGuard} for headers and rate limiting).
 */
@Path("/c/{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CustomerPageResource {

    private final CustomerPageService pages;

    public CustomerPageResource(CustomerPageService pages) {
        this.pages = pages;
    }

    @GET
    public Uni<RestResponse<String>> view(@RestPath String token, @QueryParam("lang") String lang,
            @QueryParam("done") String done) {
        return pages.view(token, lang, done).map(CustomerPageResource::respond);
    }

    @POST
    @Path("/decision/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<RestResponse<String>> review(@RestPath String token, @RestForm String csrf, @RestForm String lang,
            @RestForm String offer, @RestForm String choice) {
        return pages.review(token, form(csrf, lang, offer, choice, null)).map(CustomerPageResource::respond);
    }

    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<RestResponse<String>> decide(@RestPath String token, @RestForm String csrf, @RestForm String lang,
            @RestForm String offer, @RestForm String choice) {
        return pages.decide(token, form(csrf, lang, offer, choice, null)).map(CustomerPageResource::respond);
    }

    @POST
    @Path("/payment-method")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<RestResponse<String>> paymentMethod(@RestPath String token, @RestForm String csrf,
            @RestForm String lang, @RestForm String reference) {
        return pages.updatePaymentMethod(token, form(csrf, lang, null, null, reference))
                .map(CustomerPageResource::respond);
    }

    @POST
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<RestResponse<String>> preferences(@RestPath String token, @RestForm String csrf,
            @RestForm String lang, @RestForm List<String> shown, @RestForm String email, @RestForm String sms) {
        return pages.savePreferences(token, new PageForm(csrf, lang, null, null, null,
                shown == null ? List.of() : shown, "on".equals(email), "on".equals(sms)))
                .map(CustomerPageResource::respond);
    }

    @POST
    @Path("/fresh-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<RestResponse<String>> freshLink(@RestPath String token, @RestForm String csrf,
            @RestForm String lang) {
        return pages.requestFreshLink(token, form(csrf, lang, null, null, null)).map(CustomerPageResource::respond);
    }

    @GET
    @Path("/contact")
    public Uni<RestResponse<String>> contact(@RestPath String token, @QueryParam("via") String via) {
        return pages.contact(token, via).map(CustomerPageResource::respond);
    }

    /** A customer sees a page, never a JSON problem or a stack trace. */
    @ServerExceptionMapper
    public RestResponse<String> unexpected(Throwable failure) {
        Log.error("Customer page request failed", failure);
        return respond(pages.notice(NoticeKind.ERROR, null));
    }

    private static PageForm form(String csrf, String lang, String offer, String choice, String reference) {
        return new PageForm(csrf, lang, offer, choice, reference, List.of(), false, false);
    }

    static RestResponse<String> respond(PageResult result) {
        if (result instanceof PageResult.Redirect redirect) {
            return RestResponse.ResponseBuilder.<String>create(RestResponse.Status.SEE_OTHER)
                    .header("Location", redirect.location())
                    .build();
        }
        PageResult.Html html = (PageResult.Html) result;
        return RestResponse.ResponseBuilder.<String>create(html.status())
                .entity(html.body())
                .type(MediaType.TEXT_HTML + ";charset=utf-8")
                .build();
    }
}
