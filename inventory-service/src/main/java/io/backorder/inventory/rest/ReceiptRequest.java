package io.backorder.inventory.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Goods counted in at a warehouse; a line names the purchase-order line it arrived against, when there is one. */
public record ReceiptRequest(
        @NotBlank @Size(max = 32) String locationId,
        @NotEmpty @Size(max = 500) List<@Valid Line> lines,
        @Size(max = 500) String note) {

    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @Min(1) @Max(1_000_000) int quantity,
            @Size(max = 64) String purchaseOrderLineId) {
    }
}
