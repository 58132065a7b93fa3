package io.backorder.inventory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.backorder.inventory.AdjustmentReason;

/** A change of on-hand stock; {@code delta} is negative for shrinkage or damage. */
public record StockAdjustmentRequest(
        @NotBlank @Size(max = 64) String sku,
        @NotBlank @Size(max = 32) String locationId,
        int delta,
        @NotNull AdjustmentReason reason,
        @Size(max = 500) String note) {
}
