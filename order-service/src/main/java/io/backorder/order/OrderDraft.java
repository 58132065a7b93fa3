package io.backorder.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.backorder.contracts.CustomerTier;

/** A validated new order as a platform sent it. */
public record OrderDraft(String platform, String reference, String currency, ShippingPreference shipping,
        Customer customer, String paymentMethod, List<Line> lines) {

    public record Customer(String id, CustomerTier tier, String locale, String email, String phone,
            boolean emailOptIn, boolean smsOptIn, LocalDate latestAcceptableDate) {
    }

    public record Line(String sku, String description, int quantity, BigDecimal unitPrice) {
    }
}
