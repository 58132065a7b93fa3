package io.backorder.supplier.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The terms of an agreement. Rules across fields (period, price breaks, urgent clause, dropship) are checked by
 * {@code AgreementRules}, for JSON requests and CSV rows alike.
 */
public record AgreementRequest(
        @NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String supplierId,
        @NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String sku,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 4) BigDecimal unitPrice,
        @Size(max = 20) List<@Valid @NotNull PriceBreakRequest> priceBreaks,
        @NotNull @Min(0) @Max(365) Integer leadTimeDays,
        @Min(1) @Max(1000000) Integer minOrderQuantity,
        @Min(1) @Max(100000) Integer packSize,
        @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal orderCost,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @Min(0) @Max(365) Integer urgentLeadTimeDays,
        @DecimalMin("0.00") @DecimalMax("500.00") @Digits(integer = 3, fraction = 2) BigDecimal urgentSurchargePercent,
        boolean dropship,
        @Min(0) @Max(365) Integer dropshipLeadTimeDays,
        @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal dropshipFee) {

    public record PriceBreakRequest(@NotNull @Min(2) @Max(1000000) Integer minQuantity,
            @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 4) BigDecimal unitPrice) {
    }
}
