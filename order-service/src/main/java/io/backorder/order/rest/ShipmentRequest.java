package io.backorder.order.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Units the platform wants to ship; {@code shipmentId} is the platform's id, reporting it again is harmless. */
public record ShipmentRequest(
        @NotBlank @Size(max = 100) String shipmentId,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    public record Line(@NotNull UUID lineId, @Min(1) int quantity) {
    }
}
