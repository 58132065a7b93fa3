package io.backorder.support.messaging;

import java.util.ArrayList;
import java.util.List;
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
 * Sends outbox rows to the broker and marks them sent once the broker has accepted them (durable messages, settled
 * by the broker). Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas relay side by side
 * without sending a row twice in normal operation; after a crash between send and commit a row is sent again, which
 * idempotent consumers absorb. The correlation id is the message's group: the broker delivers the messages of one
 * order in the order they were sent, to one consumer at a time.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String CLAIM = """
            select sequence, message_id, destination, type, correlation_id, body from outbox_message
            where sent_at is null order by sequence limit $1 for update skip locked""";
    private static final String MARK_SENT = """
            update outbox_message set sent_at = now(), attempts = attempts + 1, last_error = null
            where sequence = any($1)""";
    private static final String RECORD_FAILURE = """
            update outbox_message set attempts = attempts + 1, last_error = $2 where sequence = any($1)""";

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

    /** Relays every pending message; returns how many were sent. */
    public Uni<Integer> relayUntilEmpty() {
        return relayBatch().flatMap(sent -> sent < config.outbox().batchSize() || stopped
                ? Uni.createFrom().item(sent)
                : relayUntilEmpty().map(more -> sent + more));
    }

    private Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(config.outbox().batchSize()))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().item(0) : sendAll(connection, rows)));
    }

    /** Marks the batch sent, or records why it could not be sent and leaves it for the next tick. */
    private Uni<Integer> sendAll(SqlConnection connection, RowSet<Row> rows) {
        List<Long> sequences = new ArrayList<>();
        List<Uni<Void>> sends = new ArrayList<>();
        for (Row row : rows) {
            sequences.add(row.getLong("sequence"));
            sends.add(send(row));
        }
        Long[] claimed = sequences.toArray(Long[]::new);
        return Uni.join()
                .all(sends)
                .andFailFast()
                .flatMap(sent -> connection.preparedQuery(MARK_SENT).execute(Tuple.of(claimed)))
                .replaceWith(claimed.length)
                .onFailure()
                .recoverWithUni(failure -> {
                    Log.warnf("Broker did not accept %d outbox messages, retrying later: %s", claimed.length,
                            failure.getMessage());
                    String reason = String.valueOf(failure.getMessage());
                    return connection.preparedQuery(RECORD_FAILURE)
                            .execute(Tuple.of(claimed, reason.length() > 1000 ? reason.substring(0, 1000) : reason))
                            .replaceWith(0);
                });
    }

    private Uni<Void> send(Row row) {
        OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder()
                .withAddress(row.getString("destination"))
                .withDurable(true)
                .withMessageId(row.getUUID("message_id").toString())
                .withCorrelationId(row.getString("correlation_id"))
                // The broker hands the messages of one group (one order, one purchase order) to one consumer at a
                // time, in order, however many replicas and receivers share the inbox (broker message grouping).
                .withGroupId(row.getString("correlation_id"))
                .withSubject(row.getString("type"))
                .withContentType(Envelope.CONTENT_TYPE)
                .build();
        return emitter.sendMessage(Message.of(row.getString("body"), Metadata.of(amqp)))
                .ifNoItem()
                .after(config.outbox().sendTimeout())
                .fail();
    }
}
