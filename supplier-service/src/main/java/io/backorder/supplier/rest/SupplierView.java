package io.backorder.supplier.rest;

import io.backorder.supplier.Supplier;

public record SupplierView(String id, String name, String contactEmail, boolean active) {

    public static SupplierView of(Supplier supplier) {
        return new SupplierView(supplier.id, supplier.name, supplier.contactEmail, supplier.active);
    }
}
