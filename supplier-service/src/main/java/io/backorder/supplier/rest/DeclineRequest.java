package io.backorder.supplier.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The supplier will not deliver the units of these lines it has not shipped yet. */
public record DeclineRequest(@NotBlank @Size(max = 500) String reason,
        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 40) String> lineIds) {
}
