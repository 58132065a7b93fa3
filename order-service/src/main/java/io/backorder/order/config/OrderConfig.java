package io.backorder.order.config;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.backorder.contracts.notification.OfferOptionKind;
import io.backorder.order.AlternativePricing;
import io.backorder.order.ConsolationKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "order")
public interface OrderConfig {

    Payment payment();

    Offers offers();

    Deadlines deadlines();

    Webhooks webhooks();

    interface Payment {

        /** {@code sandbox} (built in, the default) or {@code stripe}. */
        @WithDefault("sandbox")
        String provider();

        /**
         * How long the provider keeps an authorization. A backordered line whose promise date lies within this window
         * is authorized at once; a later one only has its payment method verified and is authorized on allocation.
         */
        @WithDefault("7d")
        Duration authorizationWindow();

        /** Renew a hold this long before it expires (at the latest halfway through a shorter hold). */
        @WithDefault("1d")
        Duration reauthorizeBefore();

        /** How long a customer has to update a failing payment method before the units go to the next backorder. */
        @WithDefault("3d")
        Duration updateDeadline();

        Worker worker();

        Sandbox sandbox();

        Stripe stripe();

        interface Worker {

            @WithDefault("1s")
            Duration every();

            @WithDefault("20")
            int batchSize();

            /** Provider calls in flight at once per replica. */
            @WithDefault("8")
            int concurrency();

            /** A claimed call not finished within the lease is taken again (by this or another replica). */
            @WithDefault("60s")
            Duration lease();

            /** First wait after the provider was unreachable; doubles per attempt up to {@link #maxBackoff()}. */
            @WithDefault("5s")
            Duration backoff();

            @WithDefault("1h")
            Duration maxBackoff();
        }

        interface Sandbox {

            @WithDefault("7d")
            Duration holdDuration();

            /** Hold duration for the scripted card {@code pm_card_short_hold}. */
            @WithDefault("2h")
            Duration shortHoldDuration();
        }

        interface Stripe {

            @WithDefault("https://api.stripe.com")
            URI baseUrl();

            /** Secret key; required when {@code order.payment.provider=stripe}. */
            Optional<String> apiKey();

            @WithDefault("10s")
            Duration timeout();
        }
    }

    interface Offers {

        /** Days a promise may slip past the date the customer accepted before an offer is made. */
        @WithDefault("7")
        int slipThresholdDays();

        /**
         * Price classes by unit price: a line belongs to the class with the highest {@code min-unit-price} not above its
         * unit price and uses that class's threshold (customers wait longer for expensive items).
         */
        Map<String, PriceClass> priceClasses();

        /** How long the customer has to answer an offer. */
        @WithDefault("3d")
        Duration ttl();

        @WithDefault("1d")
        Duration reminderBefore();

        /** Make the offer without alternatives when inventory has not answered the substitute search by then. */
        @WithDefault("2m")
        Duration substitutesTimeout();

        @WithDefault("3")
        int maxAlternatives();

        /** What an unanswered offer turns into: KEEP_WAITING, SHIP_AVAILABLE_NOW or CANCEL_WITH_REFUND. */
        @WithDefault("KEEP_WAITING")
        OfferOptionKind defaultOption();

        @WithDefault("LOWER_OF_BOTH")
        AlternativePricing alternativePricing();

        Consolation consolation();

        interface PriceClass {

            BigDecimal minUnitPrice();

            int slipThresholdDays();
        }

        interface Consolation {

            /** DISCOUNT (taken off the line before capture), VOUCHER, FREE_SHIPPING or NONE. */
            @WithDefault("DISCOUNT")
            ConsolationKind kind();

            @WithDefault("10")
            BigDecimal discountPercent();

            @WithDefault("10.00")
            BigDecimal voucherAmount();
        }
    }

    interface Deadlines {

        @WithDefault("1s")
        Duration every();

        @WithDefault("50")
        int batchSize();

        @WithDefault("60s")
        Duration lease();
    }

    interface Webhooks {

        @WithDefault("1s")
        Duration every();

        @WithDefault("50")
        int batchSize();

        @WithDefault("8")
        int maxAttempts();

        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("6h")
        Duration maxBackoff();

        @WithDefault("10s")
        Duration timeout();

        @WithDefault("60s")
        Duration lease();
    }
}
