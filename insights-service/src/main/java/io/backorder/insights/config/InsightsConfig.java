package io.backorder.insights.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of insights-service ({@code insights.metrics.refresh} is read by the gauges' schedule directly). */
@ConfigMapping(prefix = "insights")
public interface InsightsConfig {

    Quotes quotes();

    interface Quotes {

        /**
         * A quote that showed a backorder counts as converted when an order named it within this time, as lost when
         * the time has passed without one, and as pending until then.
         */
        @WithDefault("24h")
        Duration conversionWindow();
    }
}
