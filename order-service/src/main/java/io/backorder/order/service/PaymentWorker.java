package io.backorder.order.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.backorder.order.PaymentOperationKind;
import io.backorder.order.config.OrderConfig;
import io.backorder.order.payment.PaymentProvider;
import io.backorder.order.payment.PaymentProviderUnavailableException;
import io.backorder.order.payment.PaymentResult;
import io.backorder.order.repository.PaymentOperationRepository;
import io.backorder.support.time.Periodic;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Executes the provider calls saga steps decided. A call is claimed with {@code FOR UPDATE SKIP LOCKED} and a lease,
 * executed outside any transaction (the provider is remote), and its answer applied to the saga in a new
 * transaction. A replica that dies after the call leaves the lease to expire; the call is made again with the same
 * idempotency key and the provider answers as the first time. An answer is applied once: the operation is marked
 * done in the transaction that applies it, under the order's lock.
 */
@ApplicationScoped
public class PaymentWorker {

    private static final String CLAIM = """
            update payment_operation set lease_until = now() + make_interval(secs => $3), attempts = attempts + 1
            where id in (select id from payment_operation
                         where status = 'PENDING' and not_before <= $1 and (lease_until is null or lease_until < now())
                         order by seq limit $2 for update skip locked)
            returning id, order_id, kind, target_id, amount, currency, payment_method, provider_ref, attempts""";
    private static final String RETRY_LATER = """
            update payment_operation set lease_until = null, not_before = $2, last_error = $3 where id = $1""";

    record Claimed(UUID id, UUID orderId, PaymentOperationKind kind, UUID targetId, BigDecimal amount,
            String currency, String paymentMethod, String providerRef, int attempts) {

        static Claimed of(Row row) {
            return new Claimed(row.getUUID("id"), row.getUUID("order_id"),
                    PaymentOperationKind.valueOf(row.getString("kind")), row.getUUID("target_id"),
                    row.getBigDecimal("amount"), row.getString("currency"), row.getString("payment_method"),
                    row.getString("provider_ref"), row.getInteger("attempts"));
        }
    }

    private final Pool pool;
    private final PaymentProvider provider;
    private final SagaRunner runner;
    private final PaymentOperationRepository operations;
    private final OrderConfig.Payment.Worker config;
    private final Clock clock;
    private final Periodic periodic;

    public PaymentWorker(Pool pool, PaymentProvider provider, SagaRunner runner,
            PaymentOperationRepository operations, OrderConfig config, Clock clock, Periodic periodic) {
        this.pool = pool;
        this.provider = provider;
        this.runner = runner;
        this.operations = operations;
        this.config = config.payment().worker();
        this.clock = clock;
        this.periodic = periodic;
    }

    void start(@Observes StartupEvent event) {
        periodic.everyUntilDrained(config.every(), "payment worker", config.batchSize(), this::runDue);
    }

    /**
     * Executes the calls that are due; returns how many were claimed. The provider calls of a batch are in flight
     * together (they are remote and independent); their answers are applied one after another, each in its own
     * transaction.
     */
    public Uni<Integer> runDue() {
        return claim().flatMap(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Uni.join()
                    .all(claimed.stream().map(this::answer).toList())
                    .usingConcurrencyOf(config.concurrency())
                    .andFailFast()
                    .flatMap(answers -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (Answer answer : answers) {
                            chain = chain.chain(() -> settle(answer));
                        }
                        return chain;
                    })
                    .replaceWith(claimed.size());
        });
    }

    /** A provider's answer to a claimed call, or why there is none. */
    private record Answer(Claimed operation, PaymentResult result, Throwable failure) {
    }

    private Uni<List<Claimed>> claim() {
        Tuple arguments = Tuple.of(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), config.batchSize(),
                (double) config.lease().toSeconds());
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM).execute(arguments))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Claimed::of).toList());
    }

    private Uni<Answer> answer(Claimed operation) {
        return call(operation).onItemOrFailure()
                .transform((result, failure) -> new Answer(operation, result, failure));
    }

    private Uni<Void> settle(Answer answer) {
        Claimed operation = answer.operation();
        Uni<Void> applied = answer.failure() == null
                ? Panache.withTransaction(() -> apply(operation, answer.result()))
                : Uni.createFrom().failure(answer.failure());
        return applied.onFailure(PaymentProviderUnavailableException.class)
                .recoverWithUni(failure -> retryLater(operation, failure))
                .onFailure()
                .recoverWithUni(failure -> {
                    Log.errorf(failure, "Payment operation %s of order %s failed; retried when its lease ends",
                            operation.id(), operation.orderId());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<PaymentResult> call(Claimed operation) {
        String key = operation.id().toString();
        return switch (operation.kind()) {
            case AUTHORIZE -> provider.authorize(key, operation.paymentMethod(), operation.amount(),
                    operation.currency(), operation.orderId().toString());
            case VERIFY -> provider.verify(key, operation.paymentMethod());
            case CAPTURE -> provider.capture(key, operation.providerRef(), operation.amount(), operation.currency());
            case RELEASE -> provider.release(key, operation.providerRef());
            case REFUND -> provider.refund(key, operation.providerRef(), operation.amount(), operation.currency());
        };
    }

    /** Applies the answer under the order's lock, unless another worker applied it first. */
    private Uni<Void> apply(Claimed operation, PaymentResult result) {
        return runner.lock(operation.orderId())
                .flatMap(order -> operations.complete(operation.id(), result.describe(), clock.instant())
                        .flatMap(completed -> {
                            if (!completed || order == null) {
                                return Uni.createFrom().voidItem();
                            }
                            return runner
                                    .apply(order, null, (saga, step) -> saga.onPaymentResult(step, operation.kind(),
                                            operation.targetId(), operation.paymentMethod(), result))
                                    .replaceWithVoid();
                        }));
    }

    private Uni<Void> retryLater(Claimed operation, Throwable failure) {
        long factor = 1L << Math.min(operation.attempts() - 1, 20);
        Duration wait = config.backoff().multipliedBy(factor);
        if (wait.compareTo(config.maxBackoff()) > 0) {
            wait = config.maxBackoff();
        }
        Instant next = clock.instant().plus(wait);
        Log.warnf("Payment provider unavailable for %s %s (attempt %d), retrying at %s: %s", operation.kind(),
                operation.id(), operation.attempts(), next, failure.getMessage());
        String error = String.valueOf(failure.getMessage());
        return pool.preparedQuery(RETRY_LATER)
                .execute(Tuple.of(operation.id(), OffsetDateTime.ofInstant(next, ZoneOffset.UTC),
                        error.length() > 1000 ? error.substring(0, 1000) : error))
                .replaceWithVoid();
    }
}
