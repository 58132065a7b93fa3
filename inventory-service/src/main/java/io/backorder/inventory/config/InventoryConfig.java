package io.backorder.inventory.config;

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
}
