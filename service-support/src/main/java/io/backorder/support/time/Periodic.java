package io.backorder.support.time;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
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

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
    }
}
