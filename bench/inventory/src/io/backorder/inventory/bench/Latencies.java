package io.backorder.inventory.bench;

import java.util.Arrays;

/** Latencies of many calls, in microseconds; percentiles by the nearest-rank method. */
final class Latencies {

    private long[] micros = new long[1 << 14];
    private int size;

    void add(long value) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = value;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.micros[i]);
        }
    }

    int count() {
        return size;
    }

    double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }
}
