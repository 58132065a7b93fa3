package io.backorder.supplier.rest;

import java.util.List;

/** What a CSV import did: every row was applied, or (on failure) none. */
public record ImportResult(int rows, int created, int updated, List<AgreementView> agreements) {
}
