package io.backorder.order.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.backorder.order.service.OrderService;
import io.backorder.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Orders of the calling platform. */
@Path("/orders")
@RolesAllowed(Roles.PLATFORM)
public class OrderResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final OrderService orders;
    private final SecurityIdentity identity;

    public OrderResource(OrderService orders, SecurityIdentity identity) {
        this.orders = orders;
        this.identity = identity;
    }

    /**
     * Places an order; 201 with the order in its first state. Retrying with the same {@code Idempotency-Key} and
     * body returns the same response (header {@code Idempotent-Replayed: true}) without placing it again.
     */
    @POST
    public Uni<RestResponse<String>> place(
            @RestHeader(IDEMPOTENCY_KEY) @NotBlank @Size(max = 255) String idempotencyKey,
            @Valid @NotNull OrderRequest request) {
        return orders.place(platform(), idempotencyKey, request)
                .map(placed -> RestResponse.ResponseBuilder.<String>created(URI.create("/orders/" + placed.orderId()))
                        .entity(placed.body())
                        .type(MediaType.APPLICATION_JSON)
                        .header(REPLAYED, String.valueOf(placed.replayed()))
                        .build());
    }

    @GET
    @Path("/{id}")
    public Uni<OrderView> get(@RestPath UUID id) {
        return orders.view(platform(), id);
    }

    /** Cancels the whole order: stock is released, holds voided and captures refunded. */
    @POST
    @Path("/{id}/cancellation")
    public Uni<OrderView> cancel(@RestPath UUID id, @Valid CancellationRequest request) {
        return orders.cancelOrder(platform(), id, reason(request, "cancelled by the platform"));
    }

    @POST
    @Path("/{id}/lines/{lineId}/cancellation")
    public Uni<OrderView> cancelLine(@RestPath UUID id, @RestPath UUID lineId, @Valid CancellationRequest request) {
        return orders.cancelLine(platform(), id, lineId, reason(request, "line cancelled by the platform"));
    }

    /**
     * Reports a shipment; 202 because its lines are captured first. The shipment is confirmed (event
     * {@code shipment.confirmed}) once paid, or put on hold when a capture fails.
     */
    @POST
    @Path("/{id}/shipments")
    public Uni<RestResponse<OrderView.ShipmentView>> ship(@RestPath UUID id,
            @Valid @NotNull ShipmentRequest request) {
        return orders.ship(platform(), id, request).map(RestResponse::accepted);
    }

    private String platform() {
        return identity.getPrincipal().getName();
    }

    private static String reason(CancellationRequest request, String fallback) {
        return request == null ? fallback : request.reasonOr(fallback);
    }
}
