package io.backorder.contracts.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the customer page shows of an order: its lines with promise dates, and the money. */
public record OrderSnapshot(UUID orderId, String orderReference, Instant placedAt, String currency, List<Line> lines,
        BigDecimal authorized, BigDecimal captured, BigDecimal refunded) {

    /**
     * @param state e.g. RESERVED, BACKORDERED, ALLOCATED, SHIPPED, CANCELLED, SUBSTITUTED
     * @param promiseHistory earlier promise dates, oldest first
     */
    public record Line(UUID lineId, String sku, String description, int quantity, String state,
            LocalDate promiseDate, List<LocalDate> promiseHistory) {
    }
}
