package io.backorder.inventory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record LocationRequest(@NotBlank @Size(max = 200) String name, @Size(max = 64) String region) {
}
