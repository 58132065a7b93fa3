package io.backorder.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class PeriodicDrainTest {

    @Test
    void fullBatchesAreFollowedAtOnceByTheNextUntilOneIsNotFull() {
        Batches batches = new Batches(20, 20, 20, 7, 20);

        int handled = Periodic.drain(batches, 20, () -> false).await().indefinitely();

        assertThat(handled).isEqualTo(67);
        assertThat(batches.calls.get()).isEqualTo(4);
    }

    @Test
    void anEmptyFirstBatchEndsTheRun() {
        Batches batches = new Batches(0, 20);

        assertThat(Periodic.drain(batches, 20, () -> false).await().indefinitely()).isZero();
        assertThat(batches.calls.get()).isEqualTo(1);
    }

    @Test
    void aStopEndsTheRunAfterTheCurrentBatch() {
        Batches batches = new Batches(20, 20, 20);

        int handled = Periodic.drain(batches, 20, () -> batches.calls.get() >= 2).await().indefinitely();

        assertThat(handled).isEqualTo(40);
        assertThat(batches.calls.get()).isEqualTo(2);
    }

    /** Hands out the given batch sizes in order. */
    private static final class Batches implements Supplier<Uni<Integer>> {

        private final Deque<Integer> sizes;
        private final AtomicInteger calls = new AtomicInteger();

        Batches(Integer... sizes) {
            this.sizes = new ArrayDeque<>(List.of(sizes));
        }

        @Override
        public Uni<Integer> get() {
            calls.incrementAndGet();
            return Uni.createFrom().item(sizes.removeFirst());
        }
    }
}
