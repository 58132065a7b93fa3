package io.backorder.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.backorder.order.DeadlineKind;
import io.backorder.order.DeadlineStatus;
import io.backorder.order.config.OrderConfig;
import io.backorder.order.repository.DeadlineRepository;
import io.backorder.support.time.Periodic;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Fires saga deadlines that are due by the business clock. Due rows are claimed with {@code FOR UPDATE SKIP LOCKED}
 * and a lease, so replicas share the work and a claim lost in a crash is taken again when its lease ends. Each
 * deadline fires in its own transaction under the order's lock; one that was cancelled meanwhile does nothing.
 */
@ApplicationScoped
public class DeadlineScheduler {

    private static final String CLAIM = """
            update saga_deadline set lease_until = now() + make_interval(secs => $3), attempts = attempts + 1
            where id in (select id from saga_deadline
                         where status = 'PENDING' and due_at <= $1 and (lease_until is null or lease_until < now())
                         order by due_at limit $2 for update skip locked)
            returning id, order_id, kind, reference_id""";
    private static final String RECORD_FAILURE = "update saga_deadline set last_error = $2 where id = $1";

    record Claimed(UUID id, UUID orderId, DeadlineKind kind, UUID referenceId) {
    }

    private final Pool pool;
    private final SagaRunner runner;
    private final DeadlineRepository deadlines;
    private final OrderConfig.Deadlines config;
    private final Clock clock;
    private final Periodic periodic;

    public DeadlineScheduler(Pool pool, SagaRunner runner, DeadlineRepository deadlines, OrderConfig config,
            Clock clock, Periodic periodic) {
        this.pool = pool;
        this.runner = runner;
        this.deadlines = deadlines;
        this.config = config.deadlines();
        this.clock = clock;
        this.periodic = periodic;
    }

    void start(@Observes StartupEvent event) {
        periodic.everyUntilDrained(config.every(), "deadline scheduler", config.batchSize(), this::fireDue);
    }

    /** Fires what is due now; returns how many deadlines were claimed. */
    public Uni<Integer> fireDue() {
        Tuple arguments = Tuple.of(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), config.batchSize(),
                (double) config.lease().toSeconds());
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM).execute(arguments))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new Claimed(row.getUUID("id"), row.getUUID("order_id"),
                                DeadlineKind.valueOf(row.getString("kind")), row.getUUID("reference_id")))
                        .toList())
                .flatMap(this::fireAll);
    }

    private Uni<Integer> fireAll(List<Claimed> claimed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Claimed deadline : claimed) {
            chain = chain.chain(() -> Panache.withTransaction(() -> fire(deadline))
                    .onFailure()
                    .recoverWithUni(failure -> recordFailure(deadline, failure)));
        }
        return chain.replaceWith(claimed.size());
    }

    private Uni<Void> fire(Claimed claimed) {
        return runner.lock(claimed.orderId()).flatMap(order -> deadlines.findById(claimed.id()).flatMap(deadline -> {
            if (deadline.status != DeadlineStatus.PENDING) {
                return Uni.createFrom().voidItem();
            }
            deadline.fired(clock.instant());
            if (order == null) {
                return Uni.createFrom().voidItem();
            }
            return runner.apply(order, null, (saga, step) -> saga.onDeadline(step, claimed.kind(),
                    claimed.referenceId())).replaceWithVoid();
        }));
    }

    private Uni<Void> recordFailure(Claimed deadline, Throwable failure) {
        Log.errorf(failure, "Deadline %s %s of order %s failed; retried when its lease ends", deadline.kind(),
                deadline.id(), deadline.orderId());
        String error = String.valueOf(failure.getMessage());
        return pool.preparedQuery(RECORD_FAILURE)
                .execute(Tuple.of(deadline.id(), error.length() > 1000 ? error.substring(0, 1000) : error))
                .replaceWithVoid();
    }
}
