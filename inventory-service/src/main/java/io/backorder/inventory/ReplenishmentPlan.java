package io.backorder.inventory;

import java.time.LocalDate;
import java.util.Locale;

import io.backorder.planning.DemandForecast;
import io.backorder.planning.ReplenishmentPolicy;

/**
 * One SKU's replenishment assessment: its demand history forecast, the supply terms and service level it is planned
 * with, its inventory position, and the policy's answer. Pure: the planner gathers the inputs, this computes.
 *
 * @param historyDays days of demand history the forecast was fitted on (up to yesterday; today is not complete)
 * @param dailyForecast expected demand of each of the next days, starting tomorrow
 * @param supplierId the supplier the supply terms come from, or null when only the SKU's lead time is known
 */
public record ReplenishmentPlan(String sku, int historyDays, DemandForecast forecast, double[] dailyForecast,
        String planningClass, double serviceLevel, String supplierId, ReplenishmentPolicy.Supply supply,
        ReplenishmentPolicy.Settings settings, ReplenishmentPolicy.Position position,
        ReplenishmentPolicy.Suggestion suggestion) {

    /** What the planner knows about a SKU when it plans it. */
    public record Inputs(String sku, double[] dailyDemand, String planningClass, double serviceLevel,
            String supplierId, ReplenishmentPolicy.Supply supply, ReplenishmentPolicy.Position position,
            int reviewPeriodDays, double smoothing, int forecastDays) {
    }

    public static ReplenishmentPlan compute(Inputs inputs) {
        DemandForecast forecast = DemandForecast.of(inputs.dailyDemand());
        ReplenishmentPolicy.Settings settings = new ReplenishmentPolicy.Settings(inputs.serviceLevel(),
                inputs.reviewPeriodDays(), inputs.smoothing());
        ReplenishmentPolicy.Suggestion suggestion = ReplenishmentPolicy.suggest(forecast, inputs.position(),
                inputs.supply(), settings);
        return new ReplenishmentPlan(inputs.sku(), inputs.dailyDemand().length, forecast,
                forecast.fit().forecast(1, inputs.forecastDays()), inputs.planningClass(), inputs.serviceLevel(),
                inputs.supplierId(), inputs.supply(), settings, inputs.position(), suggestion);
    }

    /**
     * Whether to order now: when the inventory position has fallen to the reorder point and the policy's quantity
     * is at least a unit. The policy's quantity covers one review period's demand beyond the lead time, so it is
     * meant to be ordered once per fall to the reorder point; planning runs come more often than that (on every
     * demand change), and ordering at each would order a review period's demand again and again.
     */
    public boolean ordersNow() {
        return suggestion.reorder() && suggestion.inventoryPosition() <= suggestion.reorderPoint();
    }

    /** Why nothing is ordered now; only meaningful when {@link #ordersNow()} is false. */
    public String whyNoOrder() {
        return suggestion.reorder()
                ? String.format(Locale.ROOT, "Position %d is above the reorder point %.1f.",
                        suggestion.inventoryPosition(), suggestion.reorderPoint())
                : suggestion.explanation();
    }

    /**
     * When the goods are needed: after the lead time, or as soon as possible when backorders are waiting already
     * (supplier-service then takes the earliest arrival, urgent clauses included).
     */
    public LocalDate needBy(LocalDate today) {
        if (suggestion.urgent()) {
            return today.plusDays(1);
        }
        return today.plusDays(Math.max(1, (long) Math.ceil(supply.leadTimeDays())));
    }
}
