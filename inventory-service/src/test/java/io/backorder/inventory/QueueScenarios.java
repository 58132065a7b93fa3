package io.backorder.inventory;

import static io.backorder.property.Draw.weight;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.property.Draw;

/**
 * Random backorder queues for property tests: a few SKUs, orders of one to three lines, some shipping complete, some
 * lines no longer waiting. Values, ages and tiers come from small sets so that equal scores (ties) are common.
 */
final class QueueScenarios {

    static final LocalDate TODAY = LocalDate.of(2027, 1, 15);
    static final List<String> SKUS = List.of("A", "B", "C");
    private static final Instant NOON = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);

    /** A queue, the free units per SKU and the ship-complete orders that also wait for SKUs outside the run. */
    record Scenario(List<WaitingLine> lines, Map<String, Integer> free, Set<UUID> ordersWaitingElsewhere) {

        List<PriorityPolicy.Ranked> ranked() {
            return PriorityPolicy.rank(lines, TODAY, ZoneOffset.UTC, PriorityPolicy.Weights.DEFAULT);
        }

        Allocator.Result allocate() {
            return Allocator.allocate(ranked(), free, ordersWaitingElsewhere);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("free=" + free + " elsewhere=" + ordersWaitingElsewhere.size());
            ranked().forEach(r -> text.append("\n  ")
                    .append(r.line().orderId().toString(), 0, 8)
                    .append(' ')
                    .append(r.line().sku())
                    .append(" waiting=")
                    .append(r.line().waiting())
                    .append(' ')
                    .append(r.line().status())
                    .append(r.line().shipComplete() ? " shipComplete" : "")
                    .append(" score=")
                    .append(r.score().total()));
            return text.toString();
        }
    }

    private QueueScenarios() {
    }

    static Scenario scenario(Draw draw) {
        List<WaitingLine> lines = new ArrayList<>();
        Set<UUID> elsewhere = new HashSet<>();
        long seq = 0;
        int orders = draw.between(0, 25);
        for (int o = 0; o < orders; o++) {
            UUID orderId = UUID.nameUUIDFromBytes(("order-" + o).getBytes(StandardCharsets.UTF_8));
            CustomerTier tier = draw.oneOf(CustomerTier.class);
            int value = draw.oneOf(10, 100, 2500);
            Instant orderedAt = NOON.minus(draw.oneOf(0, 1, 2, 45), ChronoUnit.DAYS)
                    .minusSeconds(draw.oneOf(0, 0, 30));
            boolean shipComplete = draw.oneOf(true, false, false);
            if (shipComplete && draw.oneOf(false, false, false, true)) {
                elsewhere.add(orderId);
            }
            int orderLines = draw.between(1, 3);
            for (int l = 0; l < orderLines; l++) {
                UUID lineId = UUID.nameUUIDFromBytes(("line-" + o + "-" + l).getBytes(StandardCharsets.UTF_8));
                String sku = draw.oneOf(SKUS);
                int waiting = draw.between(1, 6);
                LineStatus status = draw.weighted(weight(8, () -> LineStatus.BACKORDERED),
                        weight(1, () -> LineStatus.RELEASED), weight(1, () -> LineStatus.RESERVED));
                LocalDate first = TODAY.minusDays(draw.oneOf(0, 0, 3, 12));
                lines.add(new WaitingLine(lineId, orderId, sku, status, waiting, 0, null, shipComplete, tier,
                        BigDecimal.valueOf(value), orderedAt, seq++, BackorderKind.BACKORDER, TODAY.plusDays(3),
                        first, null, null));
            }
        }
        Map<String, Integer> free = Map.of("A", draw.between(0, 20), "B", draw.between(0, 20), "C",
                draw.between(0, 20));
        return new Scenario(lines, free, elsewhere);
    }
}
