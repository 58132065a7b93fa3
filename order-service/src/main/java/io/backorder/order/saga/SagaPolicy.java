package io.backorder.order.saga;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.backorder.contracts.notification.OfferOptionKind;
import io.backorder.order.AlternativePricing;
import io.backorder.order.ConsolationKind;

/** The shop's rules the saga follows; built from configuration, or directly in tests. */
public record SagaPolicy(Charging charging, Offers offers) {

    /**
     * @param authorizationWindow how long the provider keeps a hold; backorders promised within it are authorized
     *        at once
     * @param reauthorizeBefore renew a hold this long before it lapses
     * @param paymentUpdateWindow how long the customer has to fix a failing payment method
     */
    public record Charging(Duration authorizationWindow, Duration reauthorizeBefore, Duration paymentUpdateWindow) {

        public Charging {
            if (authorizationWindow.isNegative() || reauthorizeBefore.isNegative()
                    || paymentUpdateWindow.isNegative()) {
                throw new IllegalArgumentException("Charging durations must not be negative");
            }
        }

        public long authorizationWindowDays() {
            return authorizationWindow.toDays();
        }

        /**
         * When to renew a hold that lapses at {@code expiresAt}: {@link #reauthorizeBefore} ahead, but never in the
         * first half of a hold's life, so that a short hold is not renewed in a loop.
         */
        public Instant reauthorizeAt(Instant now, Instant expiresAt) {
            Instant planned = expiresAt.minus(reauthorizeBefore);
            Instant halfway = now.plus(Duration.between(now, expiresAt).dividedBy(2));
            return planned.isAfter(halfway) ? planned : halfway;
        }
    }

    public record PriceClass(String name, BigDecimal minUnitPrice, int slipThresholdDays) {
    }

    public record Consolation(ConsolationKind kind, BigDecimal discountPercent, BigDecimal voucherAmount) {

        public Consolation {
            if (discountPercent.signum() < 0 || discountPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("A discount is between 0 and 100 percent");
            }
            if (voucherAmount.signum() < 0) {
                throw new IllegalArgumentException("A voucher cannot be negative");
            }
        }
    }

    /**
     * @param slipThresholdDays days a promise may slip (past the date the customer accepted) before an offer, for
     *        lines in no price class
     */
    public record Offers(int slipThresholdDays, List<PriceClass> priceClasses, Duration ttl, Duration reminderBefore,
            Duration substitutesTimeout, int maxAlternatives, OfferOptionKind defaultOption,
            AlternativePricing alternativePricing, Consolation consolation) {

        public Offers {
            if (defaultOption == OfferOptionKind.TAKE_ALTERNATIVE) {
                throw new IllegalArgumentException("An unanswered offer cannot default to an alternative item");
            }
            if (slipThresholdDays < 0 || priceClasses.stream().anyMatch(c -> c.slipThresholdDays() < 0)) {
                throw new IllegalArgumentException("Slip thresholds must not be negative");
            }
            if (ttl.isNegative() || ttl.isZero() || reminderBefore.isNegative() || maxAlternatives < 0) {
                throw new IllegalArgumentException("Offer durations and limits must be positive");
            }
            priceClasses = priceClasses.stream()
                    .sorted(Comparator.comparing(PriceClass::minUnitPrice).reversed())
                    .toList();
        }

        /** The class with the highest minimum price not above the unit price, if any. */
        public String priceClassOf(BigDecimal unitPrice) {
            return priceClasses.stream()
                    .filter(c -> c.minUnitPrice().compareTo(unitPrice) <= 0)
                    .map(PriceClass::name)
                    .findFirst()
                    .orElse("standard");
        }

        public int slipThresholdDays(BigDecimal unitPrice) {
            return priceClasses.stream()
                    .filter(c -> c.minUnitPrice().compareTo(unitPrice) <= 0)
                    .mapToInt(PriceClass::slipThresholdDays)
                    .findFirst()
                    .orElse(slipThresholdDays);
        }
    }
}
