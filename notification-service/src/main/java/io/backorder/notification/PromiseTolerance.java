package io.backorder.notification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.backorder.contracts.notification.OrderSnapshot;

/**
 * Whether the promise dates of an order moved enough to tell the customer. The reference is what the customer was
 * last told (the dates of the last delivered message), or, before any message reached them, the line's previous
 * promise. A line with a promise the customer has never heard of is always worth telling.
 */
public final class PromiseTolerance {

    private PromiseTolerance() {
    }

    public static boolean significant(OrderSnapshot order, Map<UUID, LocalDate> lastTold, int toleranceDays) {
        for (OrderSnapshot.Line line : order.lines() == null ? List.<OrderSnapshot.Line>of() : order.lines()) {
            if (line.promiseDate() == null) {
                continue;
            }
            LocalDate reference = lastTold.containsKey(line.lineId())
                    ? lastTold.get(line.lineId())
                    : previousPromise(line);
            if (reference == null
                    || Math.abs(ChronoUnit.DAYS.between(reference, line.promiseDate())) >= toleranceDays) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate previousPromise(OrderSnapshot.Line line) {
        List<LocalDate> history = line.promiseHistory();
        return history == null || history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
