package io.backorder.support.security;

/** The roles a bearer token carries in its {@code groups} claim. */
public final class Roles {

    /** An e-commerce platform calling through the API gateway. */
    public static final String PLATFORM = "platform";
    /** A supplier; its token also names the supplier in the {@code supplier_id} claim. */
    public static final String SUPPLIER = "supplier";
    /** Merchandisers and customer service. */
    public static final String OPERATOR = "operator";

    public static final String SUPPLIER_ID_CLAIM = "supplier_id";

    private Roles() {
    }
}
