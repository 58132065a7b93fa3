package io.backorder.notification.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;

import io.backorder.notification.service.OperatorService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/orders/{orderId}/notifications")
public class OrderNotificationResource {

    private final OperatorService operator;

    public OrderNotificationResource(OperatorService operator) {
        this.operator = operator;
    }

    /** Every message of the order (also those held back or coalesced), with deliveries and their attempts. */
    @GET
    @RolesAllowed(Roles.OPERATOR)
    public Uni<List<OperatorViews.NotificationView>> list(@RestPath UUID orderId) {
        return operator.notificationsOf(orderId);
    }
}
