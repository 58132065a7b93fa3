package io.backorder.support.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.backorder.contracts.Channels;
import io.backorder.contracts.Envelope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends outbox batches to the broker and marks them sent once the broker has accepted every delivery in them (durable
 * messages, settled by the broker). Batches are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas
 * relay side by side without sending a batch twice in normal operation; after a crash between send and commit, or
 * when the broker refused part of a claim, its deliveries are sent again, which idempotent consumers absorb. The
 * correlation id is the message's group: the broker delivers the messages of one order in the order they were sent,
 * to one consumer at a time.
 */
@ApplicationScoped
public class OutboxRelay {

    /**
     * Locks the oldest unsent batches and reads as many of them as make up about one batch size of deliveries (at
     * least one batch: a large one, e.g. the StockAllocated messages of a big receipt, is relayed on its own). The
     * other locked batches are free again when the transaction ends; {@code claimed} says how many there were.
     */
    private static final String CLAIM = """
            with claimed as (
                select sequence, deliveries from outbox_batch
                where sent_at is null order by sequence limit $1 for update skip locked
            ), taken as (
                select sequence from (select sequence, sum(deliveries) over (order by sequence) as through
                                      from claimed) running
                where through <= $1 or sequence = (select min(sequence) from claimed)
            )
            select b.sequence, b.message_ids, b.destinations, b.types, b.correlation_ids, b.body_numbers, b.bodies,
                (select count(*) from claimed) as claimed
            from outbox_batch b join taken on taken.sequence = b.sequence
            order by b.sequence""";
    private static final String MARK_SENT = """
            update outbox_batch set sent_at = now(), attempts = attempts + 1, last_error = null
            where sequence = any($1)""";
    private static final String RECORD_FAILURE = """
            update outbox_batch set attempts = attempts + 1, last_error = $2 where sequence = any($1)""";

    /** One message to one destination, as the outbox stored it. */
    private record Delivery(UUID messageId, String destination, String type, String correlationId, String body) {
    }

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final MessagingConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopped;
    private long timerId = -1;

    public OutboxRelay(Pool pool,
            @Channel(Channels.OUTBOX) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> emitter,
            MessagingConfig config, Vertx vertx) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            timerId = vertx.setPeriodic(config.outbox().pollInterval().toMillis(), id -> relayPending());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Relays batches until none is left; a tick that finds a relay already running does nothing. */
    void relayPending() {
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        relayUntilEmpty().subscribe().with(count -> running.set(false), failure -> {
            running.set(false);
            Log.warnf("Outbox relay failed, will retry: %s", failure.getMessage());
        });
    }

    /** Relays every pending message; returns how many deliveries were sent. */
    public Uni<Integer> relayUntilEmpty() {
        return relayBatch().flatMap(relayed -> !relayed.more() || relayed.sent() == 0 || stopped
                ? Uni.createFrom().item(relayed.sent())
                : relayUntilEmpty().map(more -> relayed.sent() + more));
    }

    /** @param more whether unsent batches were left for the next round */
    private record Relayed(int sent, boolean more) {
    }

    private Uni<Relayed> relayBatch() {
        int limit = config.outbox().batchSize();
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(limit))
                .flatMap(batches -> {
                    if (batches.size() == 0) {
                        return Uni.createFrom().item(new Relayed(0, false));
                    }
                    List<Long> sequences = new ArrayList<>();
                    batches.forEach(batch -> sequences.add(batch.getLong("sequence")));
                    long claimed = batches.iterator().next().getLong("claimed");
                    boolean more = claimed == limit || sequences.size() < claimed;
                    return sendAll(connection, sequences.toArray(Long[]::new), deliveries(batches))
                            .map(sent -> new Relayed(sent, more));
                }));
    }

    private static List<Delivery> deliveries(RowSet<Row> batches) {
        List<Delivery> deliveries = new ArrayList<>();
        for (Row batch : batches) {
            UUID[] messageIds = batch.getArrayOfUUIDs("message_ids");
            String[] destinations = batch.getArrayOfStrings("destinations");
            String[] types = batch.getArrayOfStrings("types");
            String[] correlationIds = batch.getArrayOfStrings("correlation_ids");
            Integer[] bodyNumbers = batch.getArrayOfIntegers("body_numbers");
            String[] bodies = batch.getArrayOfStrings("bodies");
            for (int i = 0; i < messageIds.length; i++) {
                deliveries.add(new Delivery(messageIds[i], destinations[i], types[i], correlationIds[i],
                        bodies[bodyNumbers[i] - 1]));
            }
        }
        return deliveries;
    }

    /** Marks the batches sent, or records why they could not be sent and leaves them for the next tick. */
    private Uni<Integer> sendAll(SqlConnection connection, Long[] sequences, List<Delivery> deliveries) {
        return Uni.join()
                .all(deliveries.stream().map(this::send).toList())
                .andFailFast()
                .flatMap(sent -> connection.preparedQuery(MARK_SENT).execute(Tuple.of(sequences)))
                .replaceWith(deliveries.size())
                .onFailure()
                .recoverWithUni(failure -> {
                    Log.warnf("Broker did not accept %d outbox messages, retrying later: %s", deliveries.size(),
                            failure.getMessage());
                    String reason = String.valueOf(failure.getMessage());
                    return connection.preparedQuery(RECORD_FAILURE)
                            .execute(Tuple.of(sequences, reason.length() > 1000 ? reason.substring(0, 1000) : reason))
                            .replaceWith(0);
                });
    }

    private Uni<Void> send(Delivery delivery) {
        OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder()
                .withAddress(delivery.destination())
                .withDurable(true)
                .withMessageId(delivery.messageId().toString())
                .withCorrelationId(delivery.correlationId())
                // The broker hands the messages of one group (one order, one purchase order) to one consumer at a
                // time, in order, however many replicas and receivers share the inbox (broker message grouping).
                .withGroupId(delivery.correlationId())
                .withSubject(delivery.type())
                .withContentType(Envelope.CONTENT_TYPE)
                .build();
        return emitter.sendMessage(Message.of(delivery.body(), Metadata.of(amqp)))
                .ifNoItem()
                .after(config.outbox().sendTimeout())
                .fail();
    }
}
