package io.backorder.supplier.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record EtaChangeRequest(@NotNull LocalDate eta, @Size(max = 500) String reason) {
}
