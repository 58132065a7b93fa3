package io.backorder.order.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.backorder.order.service.WebhookService;
import io.backorder.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** A platform's subscriptions to the events of its orders. */
@Path("/webhooks")
@RolesAllowed(Roles.PLATFORM)
public class WebhookResource {

    private final WebhookService webhooks;
    private final SecurityIdentity identity;

    public WebhookResource(WebhookService webhooks, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.identity = identity;
    }

    /** 201 with the signing secret, which is shown only this once. */
    @POST
    public Uni<RestResponse<WebhookView>> subscribe(@Valid @NotNull WebhookRequest request) {
        return webhooks.subscribe(platform(), request)
                .map(view -> RestResponse.ResponseBuilder.<WebhookView>created(URI.create("/webhooks/" + view.id()))
                        .entity(view)
                        .build());
    }

    @GET
    public Uni<List<WebhookView>> list() {
        return webhooks.list(platform());
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> unsubscribe(@RestPath UUID id) {
        return webhooks.unsubscribe(platform(), id).map(done -> RestResponse.noContent());
    }

    @GET
    @Path("/{id}/deliveries")
    public Uni<List<WebhookView.Delivery>> deliveries(@RestPath UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return webhooks.deliveries(platform(), id, page, size);
    }

    private String platform() {
        return identity.getPrincipal().getName();
    }
}
