package io.backorder.inventory.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

public record QuoteRequest(@NotEmpty @Size(max = 200) List<@Valid Line> lines) {

    public record Line(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(100000) int quantity) {
    }
}
