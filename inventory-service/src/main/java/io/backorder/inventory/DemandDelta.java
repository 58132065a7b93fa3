package io.backorder.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A change to one SKU's demand history on one day; see the {@code demand_day} table for what each count means. */
public record DemandDelta(String sku, LocalDate day, int orderedUnits, int backorderedUnits, int rejectedUnits,
        int cancelledDelayUnits, int cancelledOtherUnits) {

    public static DemandDelta ordered(String sku, LocalDate day, int ordered, int backordered, int rejected) {
        return new DemandDelta(sku, day, ordered, backordered, rejected, 0, 0);
    }

    public static DemandDelta cancelled(String sku, LocalDate day, int units, boolean becauseOfDelay) {
        return new DemandDelta(sku, day, 0, 0, 0, becauseOfDelay ? units : 0, becauseOfDelay ? 0 : units);
    }

    /** One delta per SKU and day: a set-based upsert may touch each row once only. */
    public static List<DemandDelta> merge(Collection<DemandDelta> deltas) {
        Map<String, DemandDelta> merged = new LinkedHashMap<>();
        for (DemandDelta delta : deltas) {
            merged.merge(delta.sku() + '\n' + delta.day(), delta, DemandDelta::plus);
        }
        return new ArrayList<>(merged.values());
    }

    private DemandDelta plus(DemandDelta other) {
        return new DemandDelta(sku, day, orderedUnits + other.orderedUnits, backorderedUnits + other.backorderedUnits,
                rejectedUnits + other.rejectedUnits, cancelledDelayUnits + other.cancelledDelayUnits,
                cancelledOtherUnits + other.cancelledOtherUnits);
    }
}
