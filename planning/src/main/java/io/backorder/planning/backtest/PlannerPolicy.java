package io.backorder.planning.backtest;

import io.backorder.planning.DemandForecast;
import io.backorder.planning.ReplenishmentPolicy;

/** The suite's planner: forecast refitted weekly, safety stock, reorder point, smoothed order-up-to. */
public final class PlannerPolicy implements OrderingPolicy {

    private final ReplenishmentPolicy.Supply supply;
    private final ReplenishmentPolicy.Settings settings;
    private DemandForecast forecast;
    private int fittedAt = -1;

    public PlannerPolicy(ReplenishmentPolicy.Supply supply, ReplenishmentPolicy.Settings settings) {
        this.supply = supply;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "planner (forecast + safety stock + smoothed order-up-to)";
    }

    @Override
    public int order(double[] history, int onHand, int inbound, int backordered) {
        if (forecast == null || history.length - fittedAt >= 7) {
            forecast = DemandForecast.of(history);
            fittedAt = history.length;
        }
        ReplenishmentPolicy.Suggestion suggestion = ReplenishmentPolicy.suggest(forecast,
                new ReplenishmentPolicy.Position(onHand, inbound, 0, backordered), supply, settings);
        return suggestion.reorder() ? suggestion.quantity() : 0;
    }
}
