package io.backorder.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import io.backorder.inventory.PriorityPolicy.Ranked;

/**
 * Gives free units to waiting lines in queue order ({@link PriorityPolicy#QUEUE_ORDER}). Pure: the caller has
 * locked every SKU involved and applies the result.
 * <ul>
 * <li>A line of an order that accepts partial shipments takes what is free, up to what it waits for.</li>
 * <li>An order that ships complete takes units only when every one of its waiting lines can be completed at once,
 * at the turn of its highest-ranked line; otherwise it is held and the units go to the lines after it, so no unit is
 * stranded in an order that still cannot ship. An order that also waits for SKUs outside this allocation is held.</li>
 * </ul>
 */
public final class Allocator {

    /** Units given to a line, and why it was served at this point of the queue. */
    public record Grant(Ranked ranked, int units, String explanation) {

        public WaitingLine line() {
            return ranked.line();
        }
    }

    /** A ship-complete line that could have had units but was passed over, and why. */
    public record Hold(Ranked ranked, String reason) {
    }

    /** @param unallocated units per SKU left free after the allocation */
    public record Result(List<Grant> grants, List<Hold> holds, Map<String, Integer> unallocated) {

        public static Result none(Map<String, Integer> free) {
            return new Result(List.of(), List.of(), Map.copyOf(free));
        }
    }

    private Allocator() {
    }

    /**
     * @param queue the candidate lines in any order; lines that are not waiting are ignored
     * @param free units free to allocate, per SKU
     * @param ordersWaitingElsewhere ship-complete orders that also wait for SKUs not in {@code free}
     */
    public static Result allocate(List<Ranked> queue, Map<String, Integer> free, Set<UUID> ordersWaitingElsewhere) {
        List<Ranked> waiting = queue.stream()
                .filter(ranked -> ranked.line().isWaiting())
                .sorted(PriorityPolicy.QUEUE_ORDER)
                .toList();
        Map<UUID, List<Ranked>> shipCompleteOrders = waiting.stream()
                .filter(ranked -> ranked.line().shipComplete())
                .collect(Collectors.groupingBy(ranked -> ranked.line().orderId(), LinkedHashMap::new,
                        Collectors.toList()));
        Map<String, Integer> remaining = new HashMap<>(free);
        Set<UUID> decidedOrders = new HashSet<>();
        List<Grant> grants = new ArrayList<>();
        List<Hold> holds = new ArrayList<>();
        for (Ranked ranked : waiting) {
            WaitingLine line = ranked.line();
            if (line.shipComplete()) {
                if (decidedOrders.add(line.orderId())) {
                    allocateShipComplete(shipCompleteOrders.get(line.orderId()), remaining,
                            ordersWaitingElsewhere.contains(line.orderId()), grants, holds);
                }
                continue;
            }
            int units = Math.min(remaining.getOrDefault(line.sku(), 0), line.waiting());
            if (units > 0) {
                remaining.merge(line.sku(), -units, Integer::sum);
                grants.add(new Grant(ranked, units, explain(ranked, units, units == line.waiting()
                        ? "completes the line"
                        : "partial: " + units + " of " + line.waiting()
                                + " waiting units, the order accepts partial shipments")));
            }
        }
        return new Result(List.copyOf(grants), List.copyOf(holds), Map.copyOf(remaining));
    }

    private static void allocateShipComplete(List<Ranked> orderLines, Map<String, Integer> remaining,
            boolean waitsElsewhere, List<Grant> grants, List<Hold> holds) {
        Map<String, Integer> need = new TreeMap<>();
        orderLines.forEach(ranked -> need.merge(ranked.line().sku(), ranked.line().waiting(), Integer::sum));
        boolean anyFree = need.keySet().stream().anyMatch(sku -> remaining.getOrDefault(sku, 0) > 0);
        List<String> shortfalls = need.entrySet()
                .stream()
                .filter(entry -> remaining.getOrDefault(entry.getKey(), 0) < entry.getValue())
                .map(entry -> entry.getKey() + " needs " + entry.getValue() + ", "
                        + remaining.getOrDefault(entry.getKey(), 0) + " free")
                .toList();
        if (waitsElsewhere || !shortfalls.isEmpty()) {
            if (anyFree) {
                String reason = waitsElsewhere
                        ? "held: the order ships complete and also waits for other SKUs"
                        : "held: the order ships complete and cannot be completed now (" + String.join("; ",
                                shortfalls) + ")";
                orderLines.forEach(ranked -> holds.add(new Hold(ranked, reason)));
            }
            return;
        }
        String completion = orderLines.size() == 1
                ? "completes the line (the order ships complete)"
                : "completes all " + orderLines.size() + " waiting lines of the order, which ships complete";
        for (Ranked ranked : orderLines) {
            int units = ranked.line().waiting();
            remaining.merge(ranked.line().sku(), -units, Integer::sum);
            grants.add(new Grant(ranked, units, explain(ranked, units, completion)));
        }
    }

    private static String explain(Ranked ranked, int units, String outcome) {
        return ranked.score().explanation() + " -> allocated " + units + ": " + outcome;
    }

    /**
     * Which locations the units of one grant come from: the line's own location first (its parcel stays in one
     * warehouse when possible), then the locations with the most free units. Takes the units off {@code free}.
     */
    public static Map<String, Integer> takeFromLocations(int units, String preferredLocation,
            Map<String, Integer> free) {
        List<String> order = free.keySet()
                .stream()
                .sorted(Comparator.comparing((String location) -> !location.equals(preferredLocation))
                        .thenComparing(location -> -free.get(location))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        Map<String, Integer> taken = new LinkedHashMap<>();
        int missing = units;
        for (String location : order) {
            int fromHere = Math.min(missing, free.get(location));
            if (fromHere > 0) {
                taken.put(location, fromHere);
                free.merge(location, -fromHere, Integer::sum);
                missing -= fromHere;
            }
        }
        if (missing > 0) {
            throw new IllegalStateException("Granted " + units + " units but only " + (units - missing) + " are free");
        }
        return taken;
    }
}
