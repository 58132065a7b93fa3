package io.backorder.order.saga;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.backorder.order.Order;
import io.backorder.order.TimelineEntry;

/** One saga step: the order it changes, the time it happens at, and the effects it collects. */
public final class Step {

    private final Order order;
    private final Instant now;
    private final SagaEffects effects;

    public Step(Order order, Instant now) {
        this.order = order;
        this.now = now;
        this.effects = new SagaEffects(order.id());
    }

    public Order order() {
        return order;
    }

    public Instant now() {
        return now;
    }

    /** Promise dates are calendar days in UTC, as inventory computes them. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    public SagaEffects effects() {
        return effects;
    }

    void record(String type, UUID lineId, String detail) {
        effects.record(TimelineEntry.of(order.id(), now, type, lineId, detail));
    }
}
