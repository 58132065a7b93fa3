package io.backorder.supplier.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A shipment advice.
 *
 * @param shippedOn defaults to today; never in the future
 */
public record ShipmentRequest(@NotBlank @Size(max = 100) String trackingNumber, @Size(max = 100) String carrier,
        LocalDate shippedOn, @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

    public record Line(@NotBlank @Size(max = 40) String lineId, @NotNull @Min(1) @Max(1000000) Integer quantity) {
    }
}
