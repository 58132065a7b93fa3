package io.backorder.support.metrics;

import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * A gauge whose value a periodic database query sets. A scrape reads the last value and never waits for the
 * database; before the first refresh the gauge reports NaN (no data), not a misleading zero.
 */
public final class RefreshedGauge {

    private final AtomicReference<Double> value = new AtomicReference<>(Double.NaN);

    private RefreshedGauge() {
    }

    public static RefreshedGauge register(MeterRegistry registry, String name, String description, Tags tags) {
        return register(registry, name, null, description, tags);
    }

    public static RefreshedGauge register(MeterRegistry registry, String name, String baseUnit, String description,
            Tags tags) {
        RefreshedGauge gauge = new RefreshedGauge();
        Gauge.builder(name, gauge.value, AtomicReference::get)
                .description(description)
                .baseUnit(baseUnit)
                .tags(tags)
                .register(registry);
        return gauge;
    }

    public void set(double newValue) {
        value.set(newValue);
    }
}
