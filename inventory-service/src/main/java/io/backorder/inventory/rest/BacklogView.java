package io.backorder.inventory.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.backorder.inventory.LineStatus;

/**
 * The fulfilment backlog: units sold and reserved on hand, not shipped yet. A line can also still wait for part of
 * its units ({@code backordered}); those are in the backorder queue, not here.
 *
 * @param totalLines lines matching the filter (all pages)
 * @param totalUnits reserved units of those lines
 */
public record BacklogView(long totalLines, long totalUnits, List<Line> lines) {

    /** @param reservations reserved units per location */
    public record Line(UUID lineId, UUID orderId, String sku, LineStatus status, int reserved, int backordered,
            int allocatedFromReceipts, Instant orderedAt, Map<String, Integer> reservations) {
    }
}
