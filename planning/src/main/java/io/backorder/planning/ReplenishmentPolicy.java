package io.backorder.planning;

import java.util.Locale;

/**
 * Reorder point and order quantity for one SKU. Safety stock covers demand and lead-time variability at the target
 * service level: {@code z * sqrt(L * sd^2 + d^2 * sL^2)}. Reorder point = forecast demand over the lead time +
 * safety stock. Each review orders the forecast demand of one review period plus only a fraction
 * {@code 1 / smoothing} of the gap between the reorder point and the inventory position (on hand + inbound -
 * reserved - backordered): a proportional order-up-to policy. A burst of backorders is spread over several orders
 * instead of being amplified into one huge purchase order (bullwhip); with smoothing 1 it is the classic order-up-to
 * policy. Nothing is ordered while the position covers the reorder point and the next period's demand. Quantities
 * respect the agreement's minimum order quantity and pack size.
 */
public final class ReplenishmentPolicy {

    /**
     * @param serviceLevel target probability of not running out during a lead time, e.g. 0.95
     * @param reviewPeriodDays how often the planner looks (and the demand one order must cover)
     * @param smoothing divides the gap to the reorder point; 1 = classic order-up-to, larger = calmer orders
     */
    public record Settings(double serviceLevel, int reviewPeriodDays, double smoothing) {

        public Settings {
            if (serviceLevel <= 0 || serviceLevel >= 1) {
                throw new IllegalArgumentException("Service level must be in (0, 1)");
            }
            if (reviewPeriodDays < 1 || smoothing < 1) {
                throw new IllegalArgumentException("Review period and smoothing must be at least 1");
            }
        }
    }

    /** Inventory of the SKU now. */
    public record Position(int onHand, int inbound, int reserved, int backordered) {

        public int inventoryPosition() {
            return onHand + inbound - reserved - backordered;
        }
    }

    /** What the supplier needs: lead time in days (mean and standard deviation), minimum order and pack size. */
    public record Supply(double leadTimeDays, double leadTimeStdDevDays, int minimumOrderQuantity, int packSize) {
    }

    /**
     * @param reviewDemand forecast demand of the review period after the lead time, which one order covers
     * @param gap reorder point minus inventory position
     * @param rawQuantity review demand + gap / smoothing, before rounding to the supply terms
     */
    public record Suggestion(boolean reorder, int quantity, boolean urgent, double forecastDaily,
            double leadTimeDemand, double safetyStock, double reorderPoint, int inventoryPosition,
            ForecastMethod method, double reviewDemand, double gap, double rawQuantity, String explanation) {
    }

    private ReplenishmentPolicy() {
    }

    public static double safetyStock(double serviceLevel, double meanDaily, double dailyStdDev, double leadTime,
            double leadTimeStdDev) {
        double z = Statistics.normalQuantile(serviceLevel);
        return Math.max(0, z * Math.sqrt(leadTime * dailyStdDev * dailyStdDev
                + meanDaily * meanDaily * leadTimeStdDev * leadTimeStdDev));
    }

    public static Suggestion suggest(DemandForecast forecast, Position position, Supply supply, Settings settings) {
        int leadDays = (int) Math.ceil(supply.leadTimeDays());
        double leadTimeDemand = forecast.fit().sumOver(leadDays);
        double meanDaily = leadDays == 0 ? forecast.fit().forecast(1) : leadTimeDemand / leadDays;
        double safetyStock = safetyStock(settings.serviceLevel(), meanDaily, forecast.dailyStdDev(),
                supply.leadTimeDays(), supply.leadTimeStdDevDays());
        double reorderPoint = leadTimeDemand + safetyStock;
        int inventoryPosition = position.inventoryPosition();
        boolean urgent = position.backordered() > 0;
        double reviewDemand = sum(forecast.fit().forecast(leadDays + 1, settings.reviewPeriodDays()));
        double gap = reorderPoint - inventoryPosition;
        double raw = reviewDemand + gap / settings.smoothing();
        if (raw < 1) {
            return new Suggestion(false, 0, false, meanDaily, leadTimeDemand, safetyStock, reorderPoint,
                    inventoryPosition, forecast.method(), reviewDemand, gap, raw, String.format(Locale.ROOT,
                            "No order: position %d covers the reorder point %.1f (lead-time demand %.1f + safety "
                                    + "stock %.1f) and the next review period's demand %.1f.",
                            inventoryPosition, reorderPoint, leadTimeDemand, safetyStock, reviewDemand));
        }
        int quantity = roundToSupply(raw, supply);
        String explanation = String.format(Locale.ROOT,
                "%s forecast %.2f/day; lead time %.1f d (sd %.1f) -> lead-time demand %.1f; safety stock %.1f at "
                        + "%.0f%% service level; reorder point %.1f. Position %d = on hand %d + inbound %d - reserved "
                        + "%d - backordered %d. Order = review-period demand %.1f + gap %.1f / smoothing %.1f = %.1f, "
                        + "rounded to minimum %d and pack %d -> %d.%s",
                forecast.method(), meanDaily, supply.leadTimeDays(), supply.leadTimeStdDevDays(), leadTimeDemand,
                safetyStock, settings.serviceLevel() * 100, reorderPoint, inventoryPosition, position.onHand(),
                position.inbound(), position.reserved(), position.backordered(), reviewDemand, gap,
                settings.smoothing(), raw, supply.minimumOrderQuantity(), supply.packSize(), quantity,
                urgent ? " Urgent: backorders are waiting." : "");
        return new Suggestion(true, quantity, urgent, meanDaily, leadTimeDemand, safetyStock, reorderPoint,
                inventoryPosition, forecast.method(), reviewDemand, gap, raw, explanation);
    }

    /** Rounds up to at least the minimum order quantity and to whole packs. */
    public static int roundToSupply(double quantity, Supply supply) {
        int units = Math.max((int) Math.ceil(quantity - 1e-9), Math.max(1, supply.minimumOrderQuantity()));
        int pack = Math.max(1, supply.packSize());
        return ((units + pack - 1) / pack) * pack;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }
}
