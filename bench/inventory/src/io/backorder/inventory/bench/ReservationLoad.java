package io.backorder.inventory.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.support.messaging.InboxConsumer;
import io.backorder.support.messaging.MessageCodec;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Concurrent clients handing ReserveStock messages to the service's inbox, each waiting for its transaction to
 * commit before sending the next: the whole handling of a message (idempotency record, locks, decision, reply in the
 * outbox) minus the broker transport. Half of all orders are for the hot SKU BENCH-0, the rest spread over
 * BENCH-1..99, exactly as in reservation.pgbench.sql.
 */
final class ReservationLoad {

    static final int SKUS = 100;

    record Result(int clients, Duration elapsed, Latencies latencies) {

        double perSecond() {
            return latencies.count() / (elapsed.toNanos() / 1e9);
        }
    }

    private ReservationLoad() {
    }

    static Result run(InboxConsumer inbox, MessageCodec codec, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<Latencies>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                long seed = 7919L * (i + 1);
                workers.add(pool.submit(() -> client(inbox, codec, new SplittableRandom(seed), end)));
            }
            Latencies all = new Latencies();
            for (Future<Latencies> worker : workers) {
                all.addAll(worker.get());
            }
            return new Result(clients, Duration.ofNanos(System.nanoTime() - start), all);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Latencies client(InboxConsumer inbox, MessageCodec codec, SplittableRandom random, long end) {
        Latencies latencies = new Latencies();
        while (System.nanoTime() < end) {
            String body = codec.write(codec.wrap(order(random), null));
            long sent = System.nanoTime();
            try {
                VertxContextSupport.subscribeAndAwait(() -> inbox.process(body));
            } catch (Throwable e) {
                throw new IllegalStateException("A reservation failed", e);
            }
            latencies.add((System.nanoTime() - sent) / 1000);
        }
        return latencies;
    }

    private static ReserveStock order(SplittableRandom random) {
        int sku = random.nextInt(100) < 50 ? 0 : 1 + random.nextInt(SKUS - 1);
        return new ReserveStock(UUID.randomUUID(), "bench-customer", CustomerTier.STANDARD, new BigDecimal("25.00"),
                Instant.now(), false, null, List.of(new ReserveStock.Line(UUID.randomUUID(), "BENCH-" + sku, 1)));
    }
}
