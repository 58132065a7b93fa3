package io.backorder.inventory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.backorder.contracts.inventory.PromiseConfidence;

/**
 * Available-to-promise for backordered units: walks inbound supply in ETA order until it covers every unit queued
 * ahead of a line plus the line itself. Supply without a known ETA, or demand beyond all supply, falls back to the
 * SKU's standard lead time with low confidence.
 */
public final class PromiseCalculator {

    /** Days from goods received to goods shipped. */
    public static final int HANDLING_DAYS = 1;

    public record Supply(LocalDate eta, int openQuantity, boolean confirmed) {
    }

    public record Promise(LocalDate date, PromiseConfidence confidence) {
    }

    private PromiseCalculator() {
    }

    /**
     * @param unitsThrough backordered units queued ahead of the line, plus the line's own backordered units
     */
    public static Promise promise(int unitsThrough, List<Supply> supply, LocalDate today, int leadTimeDays,
            LocalDate launchDate) {
        Promise promise = coveredBySupply(unitsThrough, supply, today)
                .orElse(new Promise(today.plusDays(leadTimeDays + HANDLING_DAYS), PromiseConfidence.LOW));
        if (launchDate != null && promise.date().isBefore(launchDate)) {
            return new Promise(launchDate, promise.confidence());
        }
        return promise;
    }

    private static Optional<Promise> coveredBySupply(int unitsThrough, List<Supply> supply, LocalDate today) {
        int cumulative = 0;
        List<Supply> byEta = supply.stream()
                .filter(s -> s.eta() != null && s.openQuantity() > 0)
                .sorted(Comparator.comparing(Supply::eta))
                .toList();
        for (Supply s : byEta) {
            cumulative += s.openQuantity();
            if (cumulative >= unitsThrough) {
                LocalDate arrival = s.eta().isBefore(today) ? today : s.eta();
                return Optional.of(new Promise(arrival.plusDays(HANDLING_DAYS),
                        s.confirmed() ? PromiseConfidence.HIGH : PromiseConfidence.MEDIUM));
            }
        }
        return Optional.empty();
    }
}
