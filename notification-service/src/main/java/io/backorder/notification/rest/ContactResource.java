package io.backorder.notification.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestResponse;

import io.backorder.notification.service.CustomerPageService;
import io.smallrye.mutiny.Uni;

/** "Contact us" on pages that belong to no link (e.g. an unknown link): counted, then on to the shop's contact page. */
@Path("/contact")
@PermitAll
public class ContactResource {

    private final CustomerPageService pages;

    public ContactResource(CustomerPageService pages) {
        this.pages = pages;
    }

    @GET
    public Uni<RestResponse<String>> contact(@QueryParam("via") String via) {
        return pages.contact(null, via).map(CustomerPageResource::respond);
    }
}
