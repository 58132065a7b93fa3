package io.backorder.supplier.rest;

import java.security.Principal;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.backorder.support.security.Roles;
import io.quarkus.security.ForbiddenException;

/** The supplier a bearer token speaks for: its {@code supplier_id} claim. */
final class SupplierIdentity {

    private SupplierIdentity() {
    }

    /** The supplier id of the caller, or null when the principal is not a token with that claim. */
    static String of(Principal principal) {
        if (!(principal instanceof JsonWebToken token)) {
            return null;
        }
        Object claim = token.getClaim(Roles.SUPPLIER_ID_CLAIM);
        String id = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        return id == null || id.isBlank() ? null : id;
    }

    /** A supplier token without the claim reaches nothing. */
    static String require(JsonWebToken token) {
        String id = of(token);
        if (id == null) {
            throw new ForbiddenException("The token names no supplier");
        }
        return id;
    }
}
