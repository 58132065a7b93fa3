package io.backorder.contracts.order;

import java.math.BigDecimal;
import java.util.UUID;

import io.backorder.contracts.Event;
import io.backorder.contracts.notification.OfferOptionKind;

/**
 * An offer was settled: the customer chose ({@code answered}) or it expired into its fallback. {@code
 * consolationCost} is what the shop gave to keep the customer waiting (a discount or voucher value; zero when
 * nothing), in {@code currency}.
 */
public record OfferSettled(UUID orderId, UUID offerId, UUID lineId, String sku, OfferOptionKind chosen,
        boolean answered, String consolation, BigDecimal consolationCost, String currency) implements Event {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
