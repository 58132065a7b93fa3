package io.backorder.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;

import io.backorder.notification.service.OperatorService;
import io.backorder.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** A customer's channel preferences, for customer service (customers change theirs on the order page). */
@Path("/customers/{customerId}")
public class PreferenceResource {

    static final String CUSTOMER_ID = "[A-Za-z0-9._:@-]{1,100}";

    private final OperatorService operator;
    private final SecurityIdentity identity;

    public PreferenceResource(OperatorService operator, SecurityIdentity identity) {
        this.operator = operator;
        this.identity = identity;
    }

    @GET
    @Path("/preferences")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<OperatorViews.PreferenceView> get(@RestPath @Pattern(regexp = CUSTOMER_ID) String customerId) {
        return operator.preference(customerId);
    }

    @PUT
    @Path("/preferences")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<OperatorViews.PreferenceView> set(@RestPath @Pattern(regexp = CUSTOMER_ID) String customerId,
            @Valid @NotNull PreferenceRequest request) {
        return operator.setPreference(customerId, request.emailEnabled(), request.smsEnabled(), operatorName());
    }

    /** The customer wants no more messages on any channel (e.g. told customer service on the phone). */
    @POST
    @Path("/opt-out")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<OperatorViews.PreferenceView> optOut(@RestPath @Pattern(regexp = CUSTOMER_ID) String customerId) {
        return operator.setPreference(customerId, false, false, operatorName());
    }

    private String operatorName() {
        return identity.getPrincipal().getName();
    }
}
