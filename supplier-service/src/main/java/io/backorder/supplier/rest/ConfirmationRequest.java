package io.backorder.supplier.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The supplier accepts a purchase order with an ETA for every line it has not declined. */
public record ConfirmationRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

    public record Line(@NotBlank @Size(max = 40) String lineId, @NotNull LocalDate eta) {
    }
}
