package io.backorder.inventory.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.backorder.inventory.BackorderPolicy;

public record SkuRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull BackorderPolicy backorderPolicy,
        @Min(0) Integer backorderCap,
        boolean capToInbound,
        LocalDate launchDate,
        @Min(0) @Max(365) Integer leadTimeDays,
        @Size(max = 64) String substitutionGroup,
        @DecimalMin("0.00") BigDecimal unitPrice,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,16}") String planningClass) {
}
