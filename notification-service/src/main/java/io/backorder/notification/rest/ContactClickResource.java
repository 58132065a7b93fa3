package io.backorder.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.backorder.notification.service.OperatorService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** "Contact us" clicks by where they came from and the message they came from: customer-service load. */
@Path("/contact-clicks")
public class ContactClickResource {

    private final OperatorService operator;

    public ContactClickResource(OperatorService operator) {
        this.operator = operator;
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    public Uni<OperatorViews.ContactClicks> counts(@QueryParam("days") @DefaultValue("30") @Min(1) @Max(366) int days) {
        return operator.contactClicks(days);
    }
}
