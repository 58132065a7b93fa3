package io.backorder.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.backorder.contracts.inventory.PromiseConfidence;

/**
 * Available-to-promise for waiting units. Free stock on hand covers the first units of the queue, then inbound supply
 * in ETA order; a line is promised for the date at which everything queued ahead of it plus its own waiting units is
 * covered. Supply without an ETA does not count; demand beyond all supply falls back to the SKU's standard lead time
 * (but never before the units ahead of it) with low confidence. A pre-order is never promised before its launch date. Pure.
 */
public final class PromiseCalculator {

    /** Days from goods received to goods shipped. */
    public static final int HANDLING_DAYS = 1;

    public record Supply(LocalDate eta, int openQuantity, boolean confirmed) {
    }

    public record Promise(LocalDate date, PromiseConfidence confidence) {
    }

    /** What a SKU can promise from: free units now and the open supply; the lead time and launch date bound it. */
    public record Position(int freeNow, List<Supply> supply, LocalDate today, int leadTimeDays, LocalDate launchDate) {
    }

    private PromiseCalculator() {
    }

    /**
     * @param unitsThrough units queued ahead of the line, plus the line's own waiting units
     */
    public static Promise promise(int unitsThrough, Position position) {
        return promiseQueue(List.of(unitsThrough), position).get(0);
    }

    /**
     * Promises for a whole queue in one pass.
     *
     * @param waitingInQueueOrder the waiting units of each line, in allocation order
     * @return one promise per line, in the same order; non-decreasing in date
     */
    public static List<Promise> promiseQueue(List<Integer> waitingInQueueOrder, Position position) {
        LocalDate today = position.today();
        List<Supply> byEta = position.supply()
                .stream()
                .filter(s -> s.eta() != null && s.openQuantity() > 0)
                .sorted(Comparator.comparing(Supply::eta))
                .toList();
        Promise fallback = bounded(new Promise(today.plusDays(position.leadTimeDays() + HANDLING_DAYS),
                PromiseConfidence.LOW), position.launchDate());
        long covered = Math.max(0, position.freeNow());
        Promise current = bounded(new Promise(today.plusDays(HANDLING_DAYS), PromiseConfidence.HIGH),
                position.launchDate());
        int nextSupply = 0;
        long demand = 0;
        List<Promise> promises = new ArrayList<>(waitingInQueueOrder.size());
        for (int waiting : waitingInQueueOrder) {
            demand += waiting;
            while (covered < demand && nextSupply < byEta.size()) {
                Supply supply = byEta.get(nextSupply++);
                covered += supply.openQuantity();
                LocalDate arrival = supply.eta().isBefore(today) ? today : supply.eta();
                current = bounded(new Promise(arrival.plusDays(HANDLING_DAYS),
                        supply.confirmed() ? PromiseConfidence.HIGH : PromiseConfidence.MEDIUM),
                        position.launchDate());
            }
            promises.add(covered >= demand ? current : notBefore(fallback, current.date()));
        }
        return promises;
    }

    /** Units beyond all known supply never ship before the units ahead of them: keeps the queue's dates in order. */
    private static Promise notBefore(Promise promise, LocalDate earliest) {
        return promise.date().isBefore(earliest) ? new Promise(earliest, promise.confidence()) : promise;
    }

    private static Promise bounded(Promise promise, LocalDate launchDate) {
        if (launchDate != null && promise.date().isBefore(launchDate)) {
            return new Promise(launchDate, promise.confidence());
        }
        return promise;
    }
}
