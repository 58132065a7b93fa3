package io.backorder.support.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * Publishes messages by writing them to the outbox table. Must run inside the caller's transaction, so a message
 * leaves the service if and only if the state change that caused it commits. {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class Outbox {

    /** Rows per insert statement in {@link #publishAll}: large enough to amortise round trips, small enough to stream. */
    private static final int ROWS_PER_STATEMENT = 2000;
    /**
     * One statement for many rows: the identity column makes Hibernate insert entities one round trip at a time, which
     * a service emitting thousands of messages in one transaction (allocation of a large receipt) cannot afford. The
     * columns go in as arrays, bound in the driver's binary format: a message body is sent as it is, not escaped into
     * a JSON document that PostgreSQL then has to parse again, and only once however many destinations the message
     * has (rows point at their body by number). Ordinality keeps the sequence in the order the messages were given.
     */
    private static final String INSERT_ROWS = """
            insert into outbox_message (message_id, destination, type, correlation_id, body, created_at)
            select r.message_id, r.destination, r.type, r.correlation_id, b.body, cast($7 as timestamptz)
            from unnest(cast($1 as uuid[]), cast($2 as varchar[]), cast($3 as varchar[]), cast($4 as varchar[]),
                cast($5 as int[])) with ordinality as r(message_id, destination, type, correlation_id, body_no, n)
            join unnest(cast($6 as text[])) with ordinality as b(body, body_no) on b.body_no = r.body_no
            order by r.n""";

    /**
     * Messages written and ready to insert ({@link #prepare}); a caller may write them while the database works on
     * the state change they report, then {@link #insert} them in the same transaction.
     */
    public static final class Prepared {

        private final List<Rows> chunks;

        private Prepared(List<Rows> chunks) {
            this.chunks = chunks;
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
        String body = codec.write(envelope);
        List<OutboxMessage> rows = MessageCatalog.of(message.getClass())
                .destinations()
                .stream()
                .map(destination -> row(envelope, destination, body))
                .toList();
        return OutboxMessage.persist(rows).replaceWith(envelope);
    }

    /** Publishes the messages in the given order, with set-based inserts. */
    public Uni<Void> publishAll(List<? extends Message> messages, Envelope cause) {
        return insert(prepare(messages, cause));
    }

    /** Wraps and writes the messages for {@link #insert}: the CPU part of {@link #publishAll}, done at once. */
    public Prepared prepare(List<? extends Message> messages, Envelope cause) {
        String causationId = cause == null ? null : cause.id();
        List<Rows> chunks = new ArrayList<>();
        Rows chunk = new Rows();
        for (Message message : messages) {
            MessageCodec.Written written = codec.wrapAndWrite(message, causationId);
            Envelope envelope = written.envelope();
            UUID messageId = UUID.fromString(envelope.id());
            List<String> destinations = MessageCatalog.of(message.getClass()).destinations();
            if (chunk.size() > 0 && chunk.size() + destinations.size() > ROWS_PER_STATEMENT) {
                chunks.add(chunk);
                chunk = new Rows();
            }
            chunk.add(messageId, destinations, envelope.type(), envelope.correlationId(), written.body());
        }
        if (chunk.size() > 0) {
            chunks.add(chunk);
        }
        return new Prepared(chunks);
    }

    /**
     * Inserts prepared messages, in order, into the outbox of the caller's transaction, on the session's own
     * connection ({@link SessionSql}): past Hibernate's native-query handling, which for every statement also
     * flushes the session and marks every entity's tables as touched.
     */
    public Uni<Void> insert(Prepared prepared) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Rows rows : prepared.chunks) {
            chain = chain.chain(() -> SessionSql.change(INSERT_ROWS, rows.parameters(now)).replaceWithVoid());
        }
        return chain;
    }

    /**
     * The columns of up to {@link #ROWS_PER_STATEMENT} outbox rows, bound as one array per column; each message's body
     * once, in {@code bodies}, numbered from 1 as {@code unnest ... with ordinality} counts.
     */
    private static final class Rows {

        private final List<UUID> messageIds = new ArrayList<>();
        private final List<String> destinations = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<String> correlationIds = new ArrayList<>();
        private final List<Integer> bodyNumbers = new ArrayList<>();
        private final List<String> bodies = new ArrayList<>();

        void add(UUID messageId, List<String> messageDestinations, String type, String correlationId, String body) {
            bodies.add(body);
            for (String destination : messageDestinations) {
                messageIds.add(messageId);
                destinations.add(destination);
                types.add(type);
                correlationIds.add(correlationId);
                bodyNumbers.add(bodies.size());
            }
        }

        int size() {
            return messageIds.size();
        }

        Object[] parameters(OffsetDateTime createdAt) {
            return new Object[]{messageIds.toArray(UUID[]::new), destinations.toArray(String[]::new),
                    types.toArray(String[]::new), correlationIds.toArray(String[]::new),
                    bodyNumbers.toArray(Integer[]::new), bodies.toArray(String[]::new), createdAt};
        }
    }

    private static OutboxMessage row(Envelope envelope, String destination, String body) {
        OutboxMessage row = new OutboxMessage();
        row.messageId = UUID.fromString(envelope.id());
        row.destination = destination;
        row.type = envelope.type();
        row.correlationId = envelope.correlationId();
        row.body = body;
        row.createdAt = Instant.now();
        return row;
    }
}
