package io.backorder.inventory.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.backorder.inventory.service.ReceiptService;
import io.backorder.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Goods counted in at a warehouse; they go to waiting backorders by priority at once. */
@Path("/receipts")
@RolesAllowed(Roles.OPERATOR)
public class ReceiptResource {

    private final ReceiptService receipts;
    private final SecurityIdentity identity;

    public ReceiptResource(ReceiptService receipts, SecurityIdentity identity) {
        this.receipts = receipts;
        this.identity = identity;
    }

    /** 201 with the allocations it made; 200 with the earlier receipt when the Idempotency-Key was used before. */
    @POST
    public Uni<RestResponse<ReceiptView>> receive(
            @RestHeader("Idempotency-Key") @Size(min = 1, max = 100) String idempotencyKey,
            @Valid @NotNull ReceiptRequest request) {
        return receipts.receive(request, idempotencyKey, identity.getPrincipal().getName())
                .map(outcome -> outcome.created()
                        ? RestResponse.ResponseBuilder.<ReceiptView>created(
                                URI.create("/receipts/" + outcome.receipt().receiptId()))
                                .entity(outcome.receipt())
                                .build()
                        : RestResponse.ok(outcome.receipt()));
    }

    @GET
    @Path("/{id}")
    public Uni<ReceiptView> get(@RestPath UUID id) {
        return receipts.get(id);
    }
}
