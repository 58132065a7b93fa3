package io.backorder.inventory.rest;

import java.time.Instant;
import java.util.List;

import io.backorder.inventory.service.PlanningService;
import io.backorder.planning.DemandForecast;

/**
 * A SKU's replenishment plan as computed now: the forecast with the methods it was chosen from, and the policy's
 * reasoning; whether it orders now and how much; the open suggestion; when the SKU is planned next.
 *
 * @param candidates each forecast method the history was long enough for, with its holdout error
 */
public record PlanView(String sku, String outcome, boolean reorder, int quantity, List<Candidate> candidates,
        SuggestionView.Explanation explanation, SuggestionView openSuggestion, Instant nextPlanningAt,
        Instant lastPlannedAt, String lastError) {

    public record Candidate(String method, double holdoutMae) {
    }

    public static PlanView of(PlanningService.Assessment assessment) {
        var plan = assessment.plan();
        var schedule = assessment.schedule();
        return new PlanView(plan.sku(), assessment.outcome(), plan.ordersNow(),
                plan.ordersNow() ? plan.suggestion().quantity() : 0, plan.forecast()
                        .candidates()
                        .stream()
                        .map(PlanView::candidate)
                        .toList(),
                SuggestionView.explanation(assessment.computed()),
                assessment.open() == null ? null : SuggestionView.of(assessment.open()),
                schedule == null ? null : schedule.dueAt(), schedule == null ? null : schedule.lastPlannedAt(),
                schedule == null ? null : schedule.lastError());
    }

    private static Candidate candidate(DemandForecast.MethodScore score) {
        return new Candidate(score.method().name(), Math.round(score.holdoutMae() * 10000) / 10000.0);
    }
}
