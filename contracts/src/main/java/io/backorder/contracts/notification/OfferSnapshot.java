package io.backorder.contracts.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An open offer to a customer whose backorder slipped: the options and what happens without an answer. */
public record OfferSnapshot(UUID offerId, String reason, Instant expiresAt, OfferOptionKind defaultOption,
        List<Option> options) {

    /**
     * @param alternativeSku set for {@link OfferOptionKind#TAKE_ALTERNATIVE}
     * @param amount the price difference of an alternative, or the discount for keeping waiting
     */
    public record Option(OfferOptionKind kind, UUID lineId, String alternativeSku, String description,
            BigDecimal amount) {
    }
}
