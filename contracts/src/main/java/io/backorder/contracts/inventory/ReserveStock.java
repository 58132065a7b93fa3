package io.backorder.contracts.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.backorder.contracts.Command;
import io.backorder.contracts.CustomerTier;

/**
 * Reserve stock for the lines of an order, backordering or rejecting what cannot be reserved. Idempotent per order
 * line: a line that already has an outcome gets the same outcome again.
 */
public record ReserveStock(
        UUID orderId,
        String customerId,
        CustomerTier customerTier,
        BigDecimal orderValue,
        Instant orderPlacedAt,
        boolean shipComplete,
        LocalDate latestAcceptableDate,
        List<Line> lines) implements Command {

    public record Line(UUID lineId, String sku, int quantity) {
    }

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
