package io.backorder.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.backorder.contracts.CustomerTier;

/**
 * A validated new order as a platform sent it.
 *
 * @param quoteId the inventory quote the order was placed from, or null
 */
public record OrderDraft(String platform, String reference, String currency, ShippingPreference shipping,
        Customer customer, String paymentMethod, List<Line> lines, UUID quoteId) {

    public record Customer(String id, CustomerTier tier, String locale, String email, String phone,
            boolean emailOptIn, boolean smsOptIn, LocalDate latestAcceptableDate) {
    }

    public record Line(String sku, String description, int quantity, BigDecimal unitPrice) {
    }
}
