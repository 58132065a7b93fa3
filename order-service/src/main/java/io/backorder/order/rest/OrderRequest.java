package io.backorder.order.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.backorder.contracts.CustomerTier;
import io.backorder.order.OrderDraft;
import io.backorder.order.ShippingPreference;

/**
 * A new order from a platform.
 *
 * @param reference the platform's own order number (shown to the customer); generated when absent
 * @param paymentMethod the provider's reference of the customer's payment method (e.g. {@code pm_...})
 * @param quoteId optional: the {@code quoteId} inventory's {@code POST /quotes} answered at checkout, so that quotes
 *        that showed a backorder can be told apart from those that became an order. Text rather than a UUID so that
 *        a malformed id is refused as unprocessable (422) instead of as unreadable JSON.
 */
public record OrderRequest(
        @Size(max = 100) String reference,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull ShippingPreference shipping,
        @NotNull @Valid Customer customer,
        @NotBlank @Size(max = 200) String paymentMethod,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
        String quoteId) {

    /**
     * @param latestAcceptableDate the customer needs the goods by then; a promise past it makes an offer
     */
    public record Customer(
            @NotBlank @Size(max = 100) String id,
            CustomerTier tier,
            @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String locale,
            @Email @Size(max = 320) String email,
            @Pattern(regexp = "\\+?[0-9 ]{5,20}") String phone,
            Boolean emailOptIn,
            Boolean smsOptIn,
            LocalDate latestAcceptableDate) {
    }

    /** @param currency optional; when given it must be the order's currency */
    public record Line(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String sku,
            @Size(max = 300) String description,
            @Min(1) @Max(10_000) int quantity,
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice,
            @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    /** @param quoteId {@link #quoteId} once checked */
    public OrderDraft toDraft(String platform, UUID quoteId) {
        return new OrderDraft(platform, reference, currency, shipping,
                new OrderDraft.Customer(customer.id(), customer.tier() == null
                        ? CustomerTier.STANDARD
                        : customer.tier(), customer.locale() == null ? "en" : customer.locale(), customer.email(),
                        customer.phone(), !Boolean.FALSE.equals(customer.emailOptIn()),
                        Boolean.TRUE.equals(customer.smsOptIn()), customer.latestAcceptableDate()),
                paymentMethod,
                lines.stream()
                        .map(line -> new OrderDraft.Line(line.sku(), line.description(), line.quantity(),
                                line.unitPrice()))
                        .toList(),
                quoteId);
    }
}
