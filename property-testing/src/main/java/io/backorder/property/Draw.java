package io.backorder.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The random inputs of one try of a property, all drawn from one seed: the same seed draws the same inputs, so a try
 * that failed replays exactly. Numbers lean towards where bugs live: a uniform draw over a wide range almost never
 * gives a bound, zero or a small value, so one draw in eight is a bound (or zero) and one in four lies close to zero
 * (or to the bound nearest to it), spread evenly over the orders of magnitude. Collection sizes are numbers too, so
 * empty, minimal and full collections come up often.
 */
public final class Draw {

    /** The first seed; another one draws other inputs (and {@code -Dproperty.seed=S} replays the try "seed S"). */
    public static final String FIRST_SEED_PROPERTY = "property.seed";

    private static final double EDGE = 1.0 / 8;
    private static final double SMALL = 1.0 / 4;
    /** The smallest distance from zero a double draw leans towards, relative to the range. */
    private static final double SMALLEST_MAGNITUDE = -9;

    private final long seed;
    private final SplittableRandom random;

    private Draw(long seed) {
        this.seed = seed;
        // SplittableRandom mixes its seed: consecutive seeds draw unrelated values (java.util.Random's first draws
        // for consecutive seeds are nearly equal).
        this.random = new SplittableRandom(seed);
    }

    /** One draw per try: consecutive seeds from {@value #FIRST_SEED_PROPERTY} (default 1). */
    public static Stream<Draw> seeds(int tries) {
        long first = Long.getLong(FIRST_SEED_PROPERTY, 1);
        return LongStream.range(first, first + tries).mapToObj(Draw::new);
    }

    public long seed() {
        return seed;
    }

    /** An int from {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
        long target = Math.max(min, Math.min(max, 0));
        double roll = random.nextDouble();
        if (roll < EDGE) {
            long[] edges = {min, target, max};
            return (int) edges[random.nextInt(edges.length)];
        }
        if (roll < EDGE + SMALL) {
            boolean down = target == max || target != min && random.nextBoolean();
            long reach = down ? target - min : max - target;
            // log-uniform: a distance below 10 is as likely as one from 10 to 100, from 100 to 1000, ...
            long distance = (long) Math.pow(reach + 1.0, random.nextDouble()) - 1;
            return (int) (down ? target - distance : target + distance);
        }
        return (int) random.nextLong(min, max + 1L);
    }

    /** A double from {@code min} to {@code max}, both included. */
    public double between(double min, double max) {
        if (!(min <= max) || Double.isInfinite(max - min)) {
            throw new IllegalArgumentException("bad range " + min + ".." + max);
        }
        double target = Math.max(min, Math.min(max, 0));
        double roll = random.nextDouble();
        if (roll < EDGE || min == max) {
            double[] edges = {min, target, max};
            return edges[random.nextInt(edges.length)];
        }
        if (roll < EDGE + SMALL) {
            boolean down = target == max || target != min && random.nextBoolean();
            double reach = down ? target - min : max - target;
            double distance = reach * Math.pow(10, random.nextDouble(SMALLEST_MAGNITUDE, 0));
            return Math.max(min, Math.min(max, down ? target - distance : target + distance));
        }
        return random.nextDouble(min, max);
    }

    public boolean bool() {
        return random.nextBoolean();
    }

    /** True with the given probability. */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** One of the values, each as likely as the others (repeat a value to make it likelier). */
    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return oneOf(Arrays.asList(values));
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public <E extends Enum<E>> E oneOf(Class<E> type) {
        return oneOf(type.getEnumConstants());
    }

    /** A value made by one of the options, chosen in proportion to their weights. */
    @SafeVarargs
    public final <T> T weighted(Weighted<? extends T>... options) {
        int roll = random.nextInt(Arrays.stream(options).mapToInt(Weighted::weight).sum());
        for (Weighted<? extends T> option : options) {
            roll -= option.weight();
            if (roll < 0) {
                return option.value().get();
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    public static <T> Weighted<T> weight(int weight, Supplier<? extends T> value) {
        return new Weighted<>(weight, value);
    }

    public record Weighted<T>(int weight, Supplier<? extends T> value) {
    }

    /** A list of {@code minSize} to {@code maxSize} elements, each made by {@code element}. */
    public <T> List<T> list(int minSize, int maxSize, Supplier<? extends T> element) {
        int size = between(minSize, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** The values in random order. */
    public <T> List<T> shuffled(List<T> values) {
        List<T> shuffled = new ArrayList<>(values);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            shuffled.set(i, shuffled.set(random.nextInt(i + 1), shuffled.get(i)));
        }
        return shuffled;
    }

    /** Names the try ("seed 17"), in test reports too. */
    @Override
    public String toString() {
        return "seed " + seed;
    }
}
