package io.backorder.supplier.rest;

/** The optional request header that makes a POST safe to retry. */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";

    private IdempotencyKey() {
    }

    /** Keys are per caller: two suppliers (or a supplier and an operator) may pick the same key. */
    static String supplierScope(String supplierId) {
        return "supplier:" + supplierId;
    }

    static String operatorScope(String operator) {
        return "operator:" + operator;
    }
}
