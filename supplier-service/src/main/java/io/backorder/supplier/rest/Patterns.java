package io.backorder.supplier.rest;

/** Shapes of identifiers accepted in paths and bodies. */
public final class Patterns {

    /** Supplier ids and SKUs: what the other services and tokens use. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String ID_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-'";
    public static final String LOCATION = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}";
    /** Idempotency keys: printable ASCII without spaces, as clients generate them (UUIDs, ULIDs, hashes). */
    public static final String IDEMPOTENCY_KEY = "[\\x21-\\x7E]{1,200}";

    private Patterns() {
    }
}
