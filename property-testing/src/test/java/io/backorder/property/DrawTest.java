package io.backorder.property;

import static io.backorder.property.Draw.weight;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DrawTest {

    private static final int TRIES = 2000;

    @Test
    void theSameSeedDrawsTheSameInputs() {
        Function<Draw, List<Object>> inputs = draw -> List.of(draw.between(-5, 500), draw.between(0.0, 1e4),
                draw.list(0, 9, () -> draw.oneOf("a", "b")), draw.shuffled(List.of(1, 2, 3)), draw.bool());

        assertThat(Draw.seeds(50).map(inputs)).containsExactlyElementsOf(Draw.seeds(50).map(inputs).toList());
        assertThat(Draw.seeds(50).map(inputs).distinct()).hasSizeGreaterThan(45);
    }

    @PropertyTest(tries = 200)
    void numbersStayInTheirRange(Draw draw) {
        assertThat(draw.between(Integer.MIN_VALUE, Integer.MAX_VALUE)).isBetween(Integer.MIN_VALUE,
                Integer.MAX_VALUE);
        assertThat(draw.between(-5, 60)).isBetween(-5, 60);
        assertThat(draw.between(3, 3)).isEqualTo(3);
        assertThat(draw.between(-7, -2)).isBetween(-7, -2);
        assertThat(draw.between(-1e300, 1e300)).isBetween(-1e300, 1e300);
        assertThat(draw.between(2.5, 2.5)).isEqualTo(2.5);
        assertThat(draw.list(1, 3, draw::bool)).hasSizeBetween(1, 3);
    }

    @Test
    void boundsZeroAndSmallValuesComeUpOftenInAWideRange() {
        Map<Integer, Long> counts = Draw.seeds(TRIES)
                .map(draw -> draw.between(-1000, 1_000_000))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        long small = counts.entrySet()
                .stream()
                .filter(e -> Math.abs(e.getKey()) < 100)
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(counts.get(-1000)).isGreaterThan(TRIES / 40);
        assertThat(counts.get(0)).isGreaterThan(TRIES / 40);
        assertThat(counts.get(1_000_000)).isGreaterThan(TRIES / 40);
        assertThat(small).isGreaterThan(TRIES / 10);
        assertThat(counts.keySet().stream().filter(value -> value > 500_000)).hasSizeGreaterThan(TRIES / 5);
    }

    @Test
    void tinyAndWholeRangeDoublesComeUp() {
        List<Double> values = Draw.seeds(TRIES).map(draw -> draw.between(0.0, 1e4)).toList();

        assertThat(values).contains(0.0, 1e4).anyMatch(v -> v > 0 && v < 1e-3).anyMatch(v -> v > 9e3 && v < 1e4);
    }

    @Test
    void emptyAndFullListsComeUp() {
        List<Integer> sizes = Draw.seeds(TRIES).map(draw -> draw.list(0, 30, draw::bool).size()).toList();

        assertThat(sizes).allMatch(size -> size >= 0 && size <= 30).contains(0, 1, 15, 29, 30);
        assertThat(sizes.stream().filter(size -> size == 0)).hasSizeGreaterThan(TRIES / 20);
        assertThat(sizes.stream().filter(size -> size == 30)).hasSizeGreaterThan(TRIES / 40);
    }

    @Test
    void choicesFollowTheirWeights() {
        Map<String, Long> counts = Draw.seeds(TRIES)
                .map(draw -> draw.weighted(weight(8, () -> "often"), weight(1, () -> "rarely"),
                        weight(1, () -> "rarely too")))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(counts.get("often")).isBetween(TRIES * 7 / 10L, TRIES * 9 / 10L);
        assertThat(counts.get("rarely")).isBetween(TRIES / 20L, TRIES * 3 / 20L);
        assertThat(counts.get("rarely too")).isBetween(TRIES / 20L, TRIES * 3 / 20L);
    }

    @Test
    void shufflingReordersWithoutLosingValues() {
        List<List<Integer>> orders = Draw.seeds(200).map(draw -> draw.shuffled(List.of(0, 1, 2))).distinct().toList();

        assertThat(orders).hasSize(6).allSatisfy(order -> assertThat(order).containsExactlyInAnyOrder(0, 1, 2));
    }
}
