package io.backorder.supplier;

import java.time.LocalDate;
import java.util.Set;

/**
 * Units of a SKU wanted by a date: a replenishment request, or a backordered line (whose need-by date is its
 * current promise date).
 *
 * @param excludedSuppliers suppliers that already declined this demand or slipped past the limit on it
 */
public record Demand(String sku, int quantity, LocalDate needBy, boolean urgent, LocalDate today,
        Set<String> excludedSuppliers) {

    public Demand {
        if (quantity < 1) {
            throw new IllegalArgumentException("A demand needs at least one unit");
        }
        excludedSuppliers = Set.copyOf(excludedSuppliers);
    }
}
