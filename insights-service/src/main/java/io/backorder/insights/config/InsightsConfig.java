package io.backorder.insights.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of insights-service. */
@ConfigMapping(prefix = "insights")
public interface InsightsConfig {

    Metrics metrics();

    Quotes quotes();

    Board board();

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

    interface Board {

        /**
         * The board's session and CSRF cookies are sent only over HTTPS. Off only where the board is served over plain
         * HTTP on the operator's own machine (local stack, tests).
         */
        @WithDefault("true")
        boolean secureCookies();
    }
}
