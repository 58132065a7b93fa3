package io.backorder.support.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.MessageCatalog;
import io.backorder.support.persistence.SessionSql;
import io.smallrye.mutiny.Uni;

/**
 * Publishes messages by writing them to the outbox, in batches ({@code outbox_batch}). Must run inside the caller's
 * transaction, so a message leaves the service if and only if the state change that caused it commits.
 * {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class Outbox {

    /**
     * Deliveries (a message to one destination) per outbox batch: large enough that a transaction publishing
     * thousands of messages (allocation of a large receipt) writes a handful of rows, small enough that the relay sends
     * a batch within its emitter's buffer.
     */
    static final int DELIVERIES_PER_BATCH = 2000;
    /**
     * One row per batch of messages, the deliveries as one array per column, bound in the driver's binary format: a
     * message body is sent as it is and stored once however many destinations the message has (deliveries point at
     * it by number).
     */
    private static final String INSERT_BATCH = """
            insert into outbox_batch (message_ids, destinations, types, correlation_ids, body_numbers, bodies, deliveries,
                created_at)
            values ($1, $2, $3, $4, $5, $6, $7, clock_timestamp())""";

    /**
     * Messages written and ready to insert ({@link #prepare}); a caller may write them while the database works on
     * the state change they report, then {@link #insert} them in the same transaction.
     */
    public static final class Prepared {

        private final List<Batch> batches;

        private Prepared(List<Batch> batches) {
            this.batches = batches;
        }
    }

    private final MessageCodec codec;

    public Outbox(MessageCodec codec) {
        this.codec = codec;
    }

    public Uni<Envelope> publish(Message message) {
        return publish(message, null);
    }

    /** @param cause the message being handled when this one is published, or null for a message caused by a request */
    public Uni<Envelope> publish(Message message, Envelope cause) {
        return publishCausedBy(message, cause == null ? null : cause.id());
    }

    /**
     * Like {@link #publish(Message, Envelope)} for a message whose cause was handled earlier and is known only by
     * its id, e.g. an outcome reported after deferred work.
     */
    public Uni<Envelope> publishCausedBy(Message message, String causationId) {
        Envelope envelope = codec.wrap(message, causationId);
        Batch batch = new Batch();
        batch.add(envelope, MessageCatalog.of(message.getClass()).destinations(), codec.write(envelope));
        return insert(new Prepared(List.of(batch))).replaceWith(envelope);
    }

    /** Publishes the messages in the given order, with set-based inserts. */
    public Uni<Void> publishAll(List<? extends Message> messages, Envelope cause) {
        return insert(prepare(messages, cause));
    }

    /** Wraps and writes the messages for {@link #insert}: the CPU part of {@link #publishAll}, done at once. */
    public Prepared prepare(List<? extends Message> messages, Envelope cause) {
        String causationId = cause == null ? null : cause.id();
        List<Batch> batches = new ArrayList<>();
        Batch batch = new Batch();
        for (Message message : messages) {
            MessageCodec.Written written = codec.wrapAndWrite(message, causationId);
            List<String> destinations = MessageCatalog.of(message.getClass()).destinations();
            if (batch.size() > 0 && batch.size() + destinations.size() > DELIVERIES_PER_BATCH) {
                batches.add(batch);
                batch = new Batch();
            }
            batch.add(written.envelope(), destinations, written.body());
        }
        if (batch.size() > 0) {
            batches.add(batch);
        }
        return new Prepared(batches);
    }

    /**
     * Inserts prepared messages, in order, into the outbox of the caller's transaction, on the session's own
     * connection ({@link SessionSql}): past Hibernate's native-query handling, which for every statement also
     * flushes the session and marks every entity's tables as touched.
     */
    public Uni<Void> insert(Prepared prepared) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Batch batch : prepared.batches) {
            chain = chain.chain(() -> SessionSql.change(INSERT_BATCH, batch.columns()).replaceWithVoid());
        }
        return chain;
    }

    /**
     * Up to {@link #DELIVERIES_PER_BATCH} deliveries, bound as one array per column; each message's body once, in
     * {@code bodies}, numbered from 1 as PostgreSQL's arrays count.
     */
    private static final class Batch {

        private final List<UUID> messageIds = new ArrayList<>();
        private final List<String> destinations = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<String> correlationIds = new ArrayList<>();
        private final List<Integer> bodyNumbers = new ArrayList<>();
        private final List<String> bodies = new ArrayList<>();

        void add(Envelope envelope, List<String> messageDestinations, String body) {
            UUID messageId = UUID.fromString(envelope.id());
            bodies.add(body);
            for (String destination : messageDestinations) {
                messageIds.add(messageId);
                destinations.add(destination);
                types.add(envelope.type());
                correlationIds.add(envelope.correlationId());
                bodyNumbers.add(bodies.size());
            }
        }

        int size() {
            return messageIds.size();
        }

        Object[] columns() {
            return new Object[]{messageIds.toArray(UUID[]::new), destinations.toArray(String[]::new),
                    types.toArray(String[]::new), correlationIds.toArray(String[]::new),
                    bodyNumbers.toArray(Integer[]::new), bodies.toArray(String[]::new), messageIds.size()};
        }
    }
}
