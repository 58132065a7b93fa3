package io.backorder.notification.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.backorder.notification.service.OperatorService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** What the sandbox SMS provider received, newest first: the local stack's and the tests' SMS inbox. */
@Path("/sms")
public class SandboxSmsResource {

    private final OperatorService operator;

    public SandboxSmsResource(OperatorService operator) {
        this.operator = operator;
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    public Uni<List<OperatorViews.SmsView>> list(@QueryParam("to") @Pattern(regexp = "\\+[0-9]{7,15}") String to,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return operator.sandboxSms(to, limit);
    }
}
