package io.backorder.contracts.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.backorder.contracts.Reply;

/** Reply to {@link FindSubstitutes}: substitutes with enough units available now (possibly none). */
public record SubstitutesFound(UUID orderId, UUID lineId, String sku, List<Substitute> substitutes) implements Reply {

    public record Substitute(String sku, String name, BigDecimal unitPrice, int available) {
    }

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
