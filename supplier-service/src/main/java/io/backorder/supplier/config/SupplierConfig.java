package io.backorder.supplier.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "supplier")
public interface SupplierConfig {

    Currency currency();

    Choice choice();

    Alternatives alternatives();

    Dropship dropship();

    Statistics statistics();

    SupplyTerms supplyTerms();

    RateLimit rateLimit();

    Idempotency idempotency();

    interface Currency {

        /** The currency landed costs are compared and reported in. */
        @WithDefault("EUR")
        String base();

        /** Value of one unit of a currency in the base currency, e.g. {@code supplier.currency.rates.USD=0.92}. */
        Map<String, BigDecimal> rates();
    }

    interface Choice {

        /**
         * How much unreliability costs: an offer's landed cost is raised by this factor times the supplier's late
         * share, so 0.5 adds 5% for a supplier that is late one time in ten.
         */
        @WithDefault("0.5")
        double reliabilityWeight();

        /** The on-time rate assumed for a supplier without history; its weight fades as deliveries are recorded. */
        @WithDefault("0.9")
        double priorOnTimeRate();

        /** How many deliveries the assumed on-time rate counts as. */
        @WithDefault("5")
        int priorWeight();

        /** Deliveries needed before a supplier's average slip is added to its lead time. */
        @WithDefault("3")
        int minHistory();
    }

    interface Alternatives {

        /**
         * Days an ETA may slip past the date the line was ordered for before an alternative supplier is sought;
         * the line moves only if the alternative arrives earlier than the slipped ETA.
         */
        @WithDefault("7")
        int slipLimitDays();
    }

    interface Dropship {

        /** Cost of receiving, storing, picking and shipping one unit from our warehouse, in the base currency. */
        @WithDefault("2.00")
        BigDecimal warehouseCostPerUnit();

        /** How much more than waiting for stock a faster dropship may cost, in percent. */
        @WithDefault("25")
        BigDecimal maxPremiumPercent();
    }

    interface Statistics {

        /** Settled purchase-order lines older than this do not count towards a supplier's statistics. */
        @WithDefault("365")
        int windowDays();
    }

    interface SupplyTerms {

        /** When the daily check of every SKU's supply terms runs (agreements start and end without a request). */
        @WithDefault("0 10 0 * * ?")
        String refreshCron();
    }

    interface RateLimit {

        /** Requests a supplier may send in a burst. */
        @WithDefault("120")
        int capacity();

        /** Sustained requests per minute once the burst is spent. */
        @WithDefault("60")
        int refillPerMinute();

        /** Limits for single suppliers that differ from the default, keyed by supplier id. */
        Map<String, Limit> suppliers();

        interface Limit {

            int capacity();

            int refillPerMinute();
        }
    }

    interface Idempotency {

        /** How long a response is kept for retries with the same Idempotency-Key. */
        @WithDefault("P1D")
        Duration retention();
    }
}
