package io.backorder.supplier;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The commercial terms of one agreement, as sourcing decisions see them: what an order of some quantity costs and
 * how long it takes.
 */
public record Terms(UUID agreementId, String supplierId, String sku, String currency, BigDecimal unitPrice,
        List<PriceBreak> priceBreaks, int leadTimeDays, int minOrderQuantity, int packSize, BigDecimal orderCost,
        Integer urgentLeadTimeDays, BigDecimal urgentSurchargePercent, boolean dropship, Integer dropshipLeadTimeDays,
        BigDecimal dropshipFee) {

    public Terms {
        priceBreaks = priceBreaks == null ? List.of() : List.copyOf(priceBreaks);
        orderCost = orderCost == null ? BigDecimal.ZERO : orderCost;
    }

    /**
     * What must be ordered to get {@code requested} units: at least the minimum order quantity, rounded up to whole
     * packs.
     */
    public int orderQuantity(int requested) {
        if (requested < 1) {
            throw new IllegalArgumentException("Requested quantity must be positive: " + requested);
        }
        int atLeast = Math.max(requested, minOrderQuantity);
        return Math.multiplyExact((atLeast + packSize - 1) / packSize, packSize);
    }

    /** The unit price of the highest quantity break the order reaches, else the base unit price. */
    public BigDecimal unitPriceFor(int quantity) {
        return priceBreaks.stream()
                .filter(b -> b.minQuantity() <= quantity)
                .max(Comparator.comparingInt(PriceBreak::minQuantity))
                .map(PriceBreak::unitPrice)
                .orElse(unitPrice);
    }

    public boolean hasUrgentClause() {
        return urgentLeadTimeDays != null && urgentSurchargePercent != null;
    }
}
