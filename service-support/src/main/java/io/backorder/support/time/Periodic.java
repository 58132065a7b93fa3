package io.backorder.support.time;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs background work (payment calls, deadlines, webhook deliveries, replenishment planning) every interval, each
 * run on a fresh safe Vert.x context as Hibernate Reactive requires. A tick that finds the previous run still busy is skipped, so runs of one
 * kind never overlap within a replica; across replicas the work itself claims rows with {@code SKIP LOCKED}.
 */
@ApplicationScoped
public class Periodic {

    private final Vertx vertx;
    private final List<Long> timers = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    public Periodic(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> void every(Duration interval, String name, Supplier<Uni<T>> work) {
        AtomicBoolean running = new AtomicBoolean();
        timers.add(vertx.setPeriodic(interval.toMillis(), id -> {
            if (stopped || !running.compareAndSet(false, true)) {
                return;
            }
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(
                    ignored -> Uni.createFrom()
                            .deferred(work::get)
                            .subscribe()
                            .with(done -> running.set(false), failure -> {
                                running.set(false);
                                Log.warnf("%s failed, will run again: %s", name, failure.getMessage());
                            }));
        }));
    }

    /**
     * Like {@link #every}, for work claimed in batches of up to {@code batchSize} (returning how many it handled): a
     * run that handled a full batch goes on with the next at once, so a backlog drains at the speed of the work
     * rather than one batch per interval.
     */
    public void everyUntilDrained(Duration interval, String name, int batchSize, Supplier<Uni<Integer>> batch) {
        every(interval, name, () -> drain(batch, batchSize, () -> stopped));
    }

    /** Runs batches one after another until one is not full or {@code stop} says so; returns how many were handled. */
    static Uni<Integer> drain(Supplier<Uni<Integer>> batch, int batchSize, BooleanSupplier stop) {
        return Multi.createBy()
                .repeating()
                .uni(() -> batch.get())
                .whilst(handled -> handled >= batchSize && !stop.getAsBoolean())
                .collect()
                .with(Collectors.summingInt(Integer::intValue));
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
    }
}
