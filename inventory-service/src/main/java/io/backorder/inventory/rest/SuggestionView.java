package io.backorder.inventory.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.backorder.inventory.ReplenishmentSuggestion;
import io.backorder.inventory.SuggestionState;

/** A replenishment suggestion with the reasoning behind it, as data an operator can check. */
public record SuggestionView(UUID id, String sku, String locationId, SuggestionState state, int quantity,
        int suggestedQuantity, boolean urgent, LocalDate needBy, String pinnedSupplierId, Explanation explanation,
        String trigger, Instant createdAt, Instant updatedAt, String changedBy, String approvedBy,
        Instant requestedAt, String purchaseOrderId, Instant orderedAt, String closedReason, UUID supersededBy) {

    /**
     * @param forecast the demand forecast and how well it did on held-out history
     * @param supply the supply terms planned with
     * @param position inventory position = on hand + inbound - reserved - backordered
     * @param policy safety stock and reorder point at the service level
     * @param quantity how the quantity follows: review-period demand + gap / smoothing, rounded to the terms
     * @param urgent why the request is urgent, or null
     * @param text all of it in one sentence, as sent to supplier-service
     */
    public record Explanation(Forecast forecast, Supply supply, Position position, Policy policy,
            QuantityReasoning quantity, String urgent, String text) {
    }

    public record Forecast(String method, int historyDays, BigDecimal meanDailyDemand, BigDecimal demandStdDev,
            BigDecimal holdoutMae, BigDecimal holdoutBias, List<BigDecimal> dailyForecast) {
    }

    public record Supply(String supplierId, BigDecimal leadTimeMeanDays, BigDecimal leadTimeStdDevDays,
            int minimumOrderQuantity, int packSize) {
    }

    public record Position(int onHand, int inbound, int reserved, int backordered, int inventoryPosition) {
    }

    public record Policy(String planningClass, BigDecimal serviceLevel, BigDecimal leadTimeDemand,
            BigDecimal safetyStock, BigDecimal reorderPoint) {
    }

    public record QuantityReasoning(int reviewPeriodDays, BigDecimal reviewPeriodDemand, BigDecimal gap,
            BigDecimal smoothing, BigDecimal rawQuantity, int minimumOrderQuantity, int packSize, int rounded) {
    }

    public static SuggestionView of(ReplenishmentSuggestion s) {
        return new SuggestionView(s.id, s.sku, s.locationId, s.state, s.quantity, s.suggestedQuantity, s.urgent,
                s.needBy, s.pinnedSupplierId, explanation(s), s.trigger, s.createdAt, s.updatedAt, s.changedBy,
                s.approvedBy, s.requestedAt, s.purchaseOrderId, s.orderedAt, s.closedReason, s.supersededBy);
    }

    static Explanation explanation(ReplenishmentSuggestion s) {
        List<BigDecimal> daily = s.dailyForecast.isEmpty()
                ? List.of()
                : Arrays.stream(s.dailyForecast.split(",")).map(BigDecimal::new).toList();
        return new Explanation(
                new Forecast(s.forecastMethod, s.historyDays, s.forecastDaily, s.demandStdDev, s.holdoutMae,
                        s.holdoutBias, daily),
                new Supply(s.supplierId, s.leadTimeMeanDays, s.leadTimeStdDevDays, s.minimumOrderQuantity,
                        s.packSize),
                new Position(s.onHand, s.inbound, s.reserved, s.backordered, s.inventoryPosition),
                new Policy(s.planningClass, s.serviceLevel, s.leadTimeDemand, s.safetyStock, s.reorderPoint),
                new QuantityReasoning(s.reviewPeriodDays, s.reviewPeriodDemand, s.gap, s.smoothing, s.rawQuantity,
                        s.minimumOrderQuantity, s.packSize, s.suggestedQuantity),
                s.urgent ? s.backordered + " units are backordered and waiting" : null,
                s.explanation);
    }
}
