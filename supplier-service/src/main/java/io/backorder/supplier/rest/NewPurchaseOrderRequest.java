package io.backorder.supplier.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A purchase order an operator places with a chosen supplier. Each line is priced under the supplier's agreement
 * for the SKU, with its minimum order quantity and pack size applied.
 *
 * @param needBy when the units are needed; defaults to the agreement's arrival date
 * @param urgent order under the agreement's urgent clause
 */
public record NewPurchaseOrderRequest(
        @NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String supplierId,
        @NotBlank @Pattern(regexp = Patterns.LOCATION) String locationId,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

    public record Line(@NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String sku,
            @NotNull @Min(1) @Max(1000000) Integer quantity, LocalDate needBy, boolean urgent) {
    }
}
