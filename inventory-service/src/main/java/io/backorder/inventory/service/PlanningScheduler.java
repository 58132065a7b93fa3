package io.backorder.inventory.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.backorder.inventory.config.InventoryConfig;
import io.backorder.inventory.repository.PlanningScheduleRepository;
import io.backorder.support.time.Periodic;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Plans the SKUs that are due: each once per planning period, and soon after its demand changed (a reservation,
 * backorder, refusal or release marks it due in its own transaction). Polls on a Vert.x timer rather than with
 * {@code @Scheduled}, whose granularity is a second and whose runs would need their own safe context; SKUs are
 * claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so replicas share them and never plan one twice at once.
 */
@ApplicationScoped
public class PlanningScheduler {

    private final PlanningScheduleRepository schedule;
    private final PlanningService planning;
    private final InventoryConfig.Planning config;
    private final Periodic periodic;

    public PlanningScheduler(PlanningScheduleRepository schedule, PlanningService planning, InventoryConfig config,
            Periodic periodic) {
        this.schedule = schedule;
        this.planning = planning;
        this.config = config.planning();
        this.periodic = periodic;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            periodic.every(config.pollInterval(), "replenishment planner", this::planDue);
        }
    }

    /** Plans every SKU due now, batch by batch; returns how many were planned or failed. */
    public Uni<Integer> planDue() {
        return schedule.claimDue(config.batchSize(), config.lease())
                .flatMap(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(0)
                        : planAll(claimed).flatMap(count -> planDue().map(more -> count + more)));
    }

    private Uni<Integer> planAll(List<PlanningScheduleRepository.Claimed> claimed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PlanningScheduleRepository.Claimed sku : claimed) {
            String trigger = sku.reason() == null ? "scheduled" : sku.reason();
            chain = chain.chain(() -> planning.plan(sku.sku(), trigger)
                    .replaceWithVoid()
                    .onFailure()
                    .recoverWithUni(failure -> {
                        // The lease stays: the SKU is tried again when it ends, not in a tight loop.
                        Log.errorf(failure, "Planning %s failed; retried when its lease ends", sku.sku());
                        return schedule.recordFailure(sku.sku(), String.valueOf(failure.getMessage()));
                    }));
        }
        return chain.replaceWith(claimed.size());
    }
}
