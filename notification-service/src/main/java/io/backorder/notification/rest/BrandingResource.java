package io.backorder.notification.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import io.backorder.notification.config.NotificationConfig;

/** The shop's colour for the pages' style sheet: a file, because the pages' CSP allows no inline styles. */
@Path("/assets/brand.css")
@PermitAll
public class BrandingResource {

    private final NotificationConfig config;

    public BrandingResource(NotificationConfig config) {
        this.config = config;
    }

    @GET
    @Produces("text/css")
    public String css() {
        return ":root { --brand: " + config.shop().brandColor() + "; }\n";
    }
}
