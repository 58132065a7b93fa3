package io.backorder.order.saga;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.notification.OfferOptionKind;
import io.backorder.order.AlternativePricing;
import io.backorder.order.ConsolationKind;
import io.backorder.order.OrderDraft;
import io.backorder.order.ShippingPreference;

/** The shop rules and orders the pure saga tests use. */
final class Policies {

    static final Instant START = Instant.parse("2030-03-01T10:00:00Z");
    static final Duration HOLD = Duration.ofDays(7);

    private Policies() {
    }

    static SagaPolicy standard() {
        return withConsolation(ConsolationKind.DISCOUNT);
    }

    static SagaPolicy withConsolation(ConsolationKind consolation) {
        return policy(consolation, OfferOptionKind.KEEP_WAITING);
    }

    static SagaPolicy policy(ConsolationKind consolation, OfferOptionKind defaultOption) {
        return new SagaPolicy(new SagaPolicy.Charging(HOLD, Duration.ofDays(1), Duration.ofDays(3)),
                new SagaPolicy.Offers(7, List.of(new SagaPolicy.PriceClass("premium", new BigDecimal("100"), 14)),
                        Duration.ofDays(3), Duration.ofDays(1), Duration.ofMinutes(2), 3, defaultOption,
                        AlternativePricing.LOWER_OF_BOTH,
                        new SagaPolicy.Consolation(consolation, BigDecimal.TEN, new BigDecimal("5.00"))));
    }

    static OrderDraft order(ShippingPreference shipping, OrderDraft.Line... lines) {
        return new OrderDraft("platform-a", "REF-1", "EUR", shipping,
                new OrderDraft.Customer("c-1", CustomerTier.GOLD, "en", "c@example.com", null, true, false, null),
                "pm_card_visa", List.of(lines), null);
    }

    static OrderDraft.Line line(String sku, int quantity, String unitPrice) {
        return new OrderDraft.Line(sku, "Item " + sku, quantity, new BigDecimal(unitPrice));
    }

    static SagaHarness harness(OrderDraft draft) {
        return new SagaHarness(standard(), HOLD, draft, START);
    }
}
