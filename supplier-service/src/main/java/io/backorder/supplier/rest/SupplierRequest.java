package io.backorder.supplier.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param active null keeps a supplier active (a new one starts active) */
public record SupplierRequest(@NotBlank @Size(max = 200) String name, @Email @Size(max = 254) String contactEmail,
        Boolean active) {
}
