package io.backorder.insights.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of insights-service. */
@ConfigMapping(prefix = "insights")
public interface InsightsConfig {

    Metrics metrics();

    Quotes quotes();

    interface Metrics {

        /**
         * How often the KPI gauges are recomputed. The schedule reads it as a property expression; mapping it here
         * refuses a value that is not a duration at start.
         */
        @WithDefault("30s")
        Duration refresh();
    }

    interface Quotes {

        /**
         * A quote that showed a backorder counts as converted when an order named it within this time, as lost when
         * the time has passed without one, and as pending until then.
         */
        @WithDefault("24h")
        Duration conversionWindow();
    }
}
