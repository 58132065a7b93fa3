package io.backorder.support.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.MessageCatalog;
import io.quarkus.hibernate.reactive.panache.Panache;
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
     * a service emitting thousands of messages in one transaction (allocation of a large receipt) cannot afford.
     * Ordinality keeps the sequence in the order the messages were given.
     */
    private static final String INSERT_ROWS = """
            insert into outbox_message (message_id, destination, type, correlation_id, body, created_at)
            select r.message_id, r.destination, r.type, r.correlation_id, r.body, r.created_at
            from rows from (json_to_recordset(cast(cast(?1 as text) as json)) as (message_id uuid, destination varchar,
                type varchar, correlation_id varchar, body text, created_at timestamptz))
                with ordinality as r(message_id, destination, type, correlation_id, body, created_at, n)
            order by r.n""";

    private final MessageCodec codec;
    private final ObjectMapper mapper;

    public Outbox(MessageCodec codec, ObjectMapper mapper) {
        this.codec = codec;
        this.mapper = mapper;
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
        String causationId = cause == null ? null : cause.id();
        List<ArrayNode> chunks = new ArrayList<>();
        ArrayNode chunk = mapper.createArrayNode();
        String now = Instant.now().toString();
        for (Message message : messages) {
            Envelope envelope = codec.wrap(message, causationId);
            String body = codec.write(envelope);
            for (String destination : MessageCatalog.of(message.getClass()).destinations()) {
                if (chunk.size() == ROWS_PER_STATEMENT) {
                    chunks.add(chunk);
                    chunk = mapper.createArrayNode();
                }
                chunk.addObject()
                        .put("message_id", envelope.id())
                        .put("destination", destination)
                        .put("type", envelope.type())
                        .put("correlation_id", envelope.correlationId())
                        .put("body", body)
                        .put("created_at", now);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ArrayNode rows : chunks) {
            String json = toJson(rows);
            chain = chain.chain(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery(INSERT_ROWS).setParameter(1, json).executeUpdate())
                    .replaceWithVoid());
        }
        return chain;
    }

    private String toJson(ArrayNode rows) {
        try {
            return mapper.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize outbox rows", e);
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
