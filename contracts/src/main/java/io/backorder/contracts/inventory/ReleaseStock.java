package io.backorder.contracts.inventory;

import java.util.List;
import java.util.UUID;

import io.backorder.contracts.Command;

/** Compensation of {@link ReserveStock}: give back the reservations and backorder positions of these lines. */
public record ReleaseStock(UUID orderId, List<UUID> lineIds, String reason) implements Command {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
