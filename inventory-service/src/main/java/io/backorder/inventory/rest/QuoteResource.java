package io.backorder.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.backorder.inventory.service.QuoteService;
import io.backorder.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Availability and promise dates for a basket, before the order is placed. */
@Path("/quotes")
public class QuoteResource {

    private final QuoteService quotes;

    public QuoteResource(QuoteService quotes) {
        this.quotes = quotes;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM, Roles.OPERATOR})
    public Uni<QuoteView> quote(@Valid @NotNull QuoteRequest request) {
        return quotes.quote(request);
    }
}
