package io.backorder.inventory.config;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import io.backorder.inventory.PriorityPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "backorder.inventory")
public interface InventoryConfig {

    /** Lead time of a SKU created without one: how long a new purchase order takes to arrive. */
    @WithDefault("14")
    int defaultLeadTimeDays();

    Priority priority();

    Imports imports();

    Planning planning();

    /** Points of the allocation priority; see {@link PriorityPolicy}. */
    interface Priority {

        @WithDefault("0")
        double standardPoints();

        @WithDefault("10")
        double silverPoints();

        @WithDefault("20")
        double goldPoints();

        @WithDefault("30")
        double platinumPoints();

        /** Points for each tenfold of the order value (10 -> 5, 100 -> 10, 1000 -> 15 with the default). */
        @WithDefault("5")
        double valuePointsPerTenfold();

        @WithDefault("20")
        double maxValuePoints();

        @WithDefault("1")
        double pointsPerDayWaited();

        @WithDefault("30")
        double maxAgePoints();

        @WithDefault("2")
        double pointsPerDaySlipped();

        @WithDefault("20")
        double maxSlipPoints();

        default PriorityPolicy.Weights weights() {
            return new PriorityPolicy.Weights(standardPoints(), silverPoints(), goldPoints(), platinumPoints(),
                    valuePointsPerTenfold(), maxValuePoints(), pointsPerDayWaited(), maxAgePoints(),
                    pointsPerDaySlipped(), maxSlipPoints());
        }
    }

    interface Imports {

        /** Rows one CSV upload may hold; a larger file is refused as a whole. */
        @WithDefault("10000")
        int maxRows();
    }

    /** The replenishment planner; see the README for how these interact. */
    interface Planning {

        /** Whether this replica plans in the background (on schedule and after demand changes). */
        @WithDefault("true")
        boolean enabled();

        /** How often due SKUs are looked for: a SKU whose demand changed is planned within about this long. */
        @WithDefault("5s")
        Duration pollInterval();

        /**
         * A SKU whose demand changed is planned again at the earliest this long after its last run, so that a busy
         * SKU's reservations coalesce into one run; a new backorder or refusal makes it due at once.
         */
        @WithDefault("1m")
        Duration minInterval();

        /** Every SKU is planned at least this often, also without any demand change. */
        @WithDefault("24h")
        Duration period();

        /** SKUs one replica claims per poll. */
        @WithDefault("20")
        int batchSize();

        /** A claimed SKU not planned within this time (a crashed replica) is claimed again. */
        @WithDefault("5m")
        Duration lease();

        /** Days of demand history the forecast is fitted on. */
        @WithDefault("182")
        int historyDays();

        /** Days of forecast shared with suppliers and shown to operators. */
        @WithDefault("28")
        int forecastDays();

        /** Days of demand one order covers beyond the lead time. */
        @WithDefault("7")
        int reviewPeriodDays();

        /** Divides the gap to the reorder point: 1 = classic order-up-to, larger = calmer orders (no bullwhip). */
        @WithDefault("4")
        double smoothing();

        /** Target service level of a SKU without a planning class, or of a class not listed. */
        @WithDefault("0.95")
        double serviceLevel();

        /** Target service level per planning class (the SKU's {@code planningClass}), e.g. A=0.98. */
        Map<String, Double> classServiceLevels();

        /** Send suggestions to supplier-service without waiting for an operator. */
        @WithDefault("true")
        boolean autoRequest();

        /** With auto-request, larger suggestions still wait for an operator's approval. */
        OptionalInt autoRequestMaxUnits();

        /** A request that no purchase order answered within this time expires and the SKU is planned afresh. */
        @WithDefault("3d")
        Duration requestTimeout();

        default double serviceLevelOf(String planningClass) {
            return planningClass == null
                    ? serviceLevel()
                    : classServiceLevels().getOrDefault(planningClass, serviceLevel());
        }

        default boolean autoRequests(int quantity) {
            return autoRequest() && autoRequestMaxUnits().stream().allMatch(max -> quantity <= max);
        }
    }
}
