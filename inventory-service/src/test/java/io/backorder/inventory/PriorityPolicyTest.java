package io.backorder.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.property.Draw;
import io.backorder.property.PropertyTest;

class PriorityPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);
    private static final PriorityPolicy.Weights WEIGHTS = PriorityPolicy.Weights.DEFAULT;

    @Test
    void explainsEveryPart() {
        PriorityPolicy.Score score = score(line(CustomerTier.GOLD, "250.00", 5, 3));

        assertThat(score.tier()).isEqualTo(20);
        assertThat(score.value()).isEqualTo(12);
        assertThat(score.age()).isEqualTo(5);
        assertThat(score.slip()).isEqualTo(6);
        assertThat(score.total()).isEqualTo(43);
        assertThat(score.explanation()).isEqualTo("tier GOLD +20; order value 250.00 +12; waiting 5 days +5; "
                + "first promise passed 3 days ago +6; score 43");
    }

    @Test
    void eachPartIsCapped() {
        PriorityPolicy.Score score = score(line(CustomerTier.PLATINUM, "99999999.00", 400, 300));

        assertThat(score.value()).isEqualTo(WEIGHTS.maxValuePoints());
        assertThat(score.age()).isEqualTo(WEIGHTS.maxAgePoints());
        assertThat(score.slip()).isEqualTo(WEIGHTS.maxSlipPoints());
        assertThat(score.total()).isEqualTo(30 + 20 + 30 + 20);
    }

    @Test
    void aPromiseThatStillHoldsHasNotSlippedEvenIfItWasMoved() {
        WaitingLine moved = new WaitingLine(UUID.randomUUID(), UUID.randomUUID(), "X", LineStatus.BACKORDERED, 1, 0,
                null, false, CustomerTier.STANDARD, BigDecimal.ZERO, TODAY.minusDays(9)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC),
                1, BackorderKind.BACKORDER, TODAY.plusDays(20),
                TODAY.plusDays(4), null, null);

        assertThat(score(moved).slip()).isZero();
    }

    @PropertyTest
    void partsAreBoundedAndAddUp(Draw draw) {
        CustomerTier tier = draw.oneOf(CustomerTier.class);
        int value = draw.between(0, 1_000_000);
        int ageDays = draw.between(0, 400);
        int slipDays = draw.between(0, 400);

        PriorityPolicy.Score score = score(line(tier, String.valueOf(value), ageDays, slipDays));

        assertThat(score.value()).isBetween(0.0, WEIGHTS.maxValuePoints());
        assertThat(score.age()).isBetween(0.0, WEIGHTS.maxAgePoints());
        assertThat(score.slip()).isBetween(0.0, WEIGHTS.maxSlipPoints());
        assertThat(score.total()).isCloseTo(score.tier() + score.value() + score.age() + score.slip(),
                offset(0.005));
    }

    @PropertyTest
    void moreOfAnyPartNeverLowersTheScore(Draw draw) {
        CustomerTier tier = draw.oneOf(CustomerTier.class);
        int value = draw.between(0, 100_000);
        int ageDays = draw.between(0, 60);
        int slipDays = draw.between(0, 30);
        int more = draw.between(1, 50);

        double base = score(line(tier, String.valueOf(value), ageDays, slipDays)).total();

        assertThat(score(line(tier, String.valueOf(value + more), ageDays, slipDays)).total()).isGreaterThanOrEqualTo(
                base);
        assertThat(score(line(tier, String.valueOf(value), ageDays + more, slipDays)).total())
                .isGreaterThanOrEqualTo(base);
        assertThat(score(line(tier, String.valueOf(value), ageDays, slipDays + more)).total())
                .isGreaterThanOrEqualTo(base);
        for (CustomerTier higher : CustomerTier.values()) {
            if (higher.compareTo(tier) > 0) {
                assertThat(score(line(higher, String.valueOf(value), ageDays, slipDays)).total()).isGreaterThan(base);
            }
        }
    }

    private static PriorityPolicy.Score score(WaitingLine line) {
        return PriorityPolicy.score(line, TODAY, ZoneOffset.UTC, WEIGHTS);
    }

    /** A line ordered {@code ageDays} ago whose first promise passed {@code slipDays} ago. */
    private static WaitingLine line(CustomerTier tier, String value, int ageDays, int slipDays) {
        Instant orderedAt = TODAY.minusDays(ageDays).atTime(10, 0).toInstant(ZoneOffset.UTC);
        return new WaitingLine(UUID.randomUUID(), UUID.randomUUID(), "X", LineStatus.BACKORDERED, 1, 0, null, false,
                tier, new BigDecimal(value), orderedAt, 1, BackorderKind.BACKORDER, TODAY.plusDays(2),
                TODAY.minusDays(slipDays), null, null);
    }
}
