package io.backorder.support.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.MessageCatalog;
import io.smallrye.mutiny.Uni;

/**
 * Publishes messages by writing them to the outbox table. Must run inside the caller's transaction, so a message
 * leaves the service if and only if the state change that caused it commits. {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class Outbox {

    private final MessageCodec codec;

    public Outbox(MessageCodec codec) {
        this.codec = codec;
    }

    public Uni<Envelope> publish(Message message) {
        return publish(message, null);
    }

    /** @param cause the message being handled when this one is published, or null for a message caused by a request */
    public Uni<Envelope> publish(Message message, Envelope cause) {
        Envelope envelope = codec.wrap(message, cause == null ? null : cause.id());
        String body = codec.write(envelope);
        List<OutboxMessage> rows = MessageCatalog.of(message.getClass())
                .destinations()
                .stream()
                .map(destination -> row(envelope, destination, body))
                .toList();
        return OutboxMessage.persist(rows).replaceWith(envelope);
    }

    public Uni<Void> publishAll(List<? extends Message> messages, Envelope cause) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Message message : messages) {
            chain = chain.chain(() -> publish(message, cause).replaceWithVoid());
        }
        return chain;
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
