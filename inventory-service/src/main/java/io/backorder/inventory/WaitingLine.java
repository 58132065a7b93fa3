package io.backorder.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.PromiseConfidence;

/**
 * A line in a SKU's backorder queue, as the allocator and the promise calculation see it: read in bulk, never managed
 * by the persistence context.
 *
 * @param waiting units still waiting for supply (the line's backorder position)
 * @param locationId where the line's first units are reserved, if any (preferred when it gets more)
 * @param queueSeq arrival order, breaking ties between equal priority and order time
 */
public record WaitingLine(UUID lineId, UUID orderId, String sku, LineStatus status, int waiting, int reserved,
        String locationId, boolean shipComplete, CustomerTier tier, BigDecimal orderValue, Instant orderedAt,
        long queueSeq, BackorderKind kind, LocalDate promiseDate, LocalDate firstPromiseDate,
        PromiseConfidence confidence, LocalDate latestAcceptableDate) {

    /** Only lines that are backordered and still miss units take part in allocation. */
    public boolean isWaiting() {
        return status == LineStatus.BACKORDERED && waiting > 0;
    }

    public WaitingLine withWaiting(int units) {
        return new WaitingLine(lineId, orderId, sku, status, units, reserved, locationId, shipComplete, tier,
                orderValue, orderedAt, queueSeq, kind, promiseDate, firstPromiseDate, confidence,
                latestAcceptableDate);
    }
}
