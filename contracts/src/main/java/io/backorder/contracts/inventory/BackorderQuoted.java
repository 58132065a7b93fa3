package io.backorder.contracts.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.backorder.contracts.Event;

/**
 * A checkout quote showed the customer at least one line that would wait for supply. Only those lines are listed;
 * a quote showing only in-stock or not-orderable lines publishes nothing. An order placed from the quote names the
 * {@code quoteId} ({@code OrderPlaced.quoteId}), so the KPI read model can tell the backorders customers accepted from
 * those that made them walk away.
 */
public record BackorderQuoted(UUID quoteId, Instant quotedAt, List<Line> lines) implements Event {

    /**
     * @param kind what the quote showed: backorderable ({@code BACKORDER}) or pre-orderable ({@code PREORDER})
     * @param locationId the warehouse the units available now would come from; null when none is available
     */
    public record Line(String sku, int quantity, BackorderKind kind, LocalDate promiseDate, String locationId) {
    }

    @Override
    public String correlationId() {
        return quoteId.toString();
    }
}
