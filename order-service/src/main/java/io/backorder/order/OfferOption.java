package io.backorder.order;

import java.math.BigDecimal;

import io.backorder.contracts.notification.OfferOptionKind;

/**
 * One choice of an offer.
 *
 * @param amount for KEEP_WAITING the consolation's value (discount or voucher); for TAKE_ALTERNATIVE the price
 *        difference the customer pays (negative: pays less)
 * @param alternativeUnitPrice what the customer pays per unit of the alternative
 */
public record OfferOption(OfferOptionKind kind, String alternativeSku, String alternativeName,
        BigDecimal alternativeUnitPrice, ConsolationKind consolation, BigDecimal amount, String description) {

    public boolean matches(OfferOptionKind chosen, String sku) {
        return kind == chosen && (kind != OfferOptionKind.TAKE_ALTERNATIVE || alternativeSku.equals(sku));
    }
}
