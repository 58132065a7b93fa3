package io.backorder.inventory.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Operator changes to a replenishment suggestion. */
public final class ReplenishmentRequests {

    private ReplenishmentRequests() {
    }

    public record QuantityChange(@NotNull @Min(1) @Max(1_000_000) Integer quantity) {
    }

    public record SupplierPin(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String supplierId) {
    }

    public record Dismissal(@Size(max = 500) String reason) {
    }
}
