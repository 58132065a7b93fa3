package io.backorder.support.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.backorder.contracts.Channels;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.MessageCatalog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The service's single inbox. Each message is handled in one transaction together with the insert of its id into
 * {@code processed_message}; a redelivered message finds its id there and changes nothing. A failure is
 * negatively acknowledged: the broker redelivers with backoff a bounded number of times, then dead-letters it.
 */
@ApplicationScoped
public class InboxConsumer {

    private static final String MARK_PROCESSED = """
            insert into processed_message (message_id, type) values (?1, ?2) on conflict (message_id) do nothing""";

    private final MessageCodec codec;
    private final Map<String, MessageHandler<?>> handlers = new HashMap<>();

    public InboxConsumer(MessageCodec codec, Instance<MessageHandler<?>> handlers) {
        this.codec = codec;
        for (MessageHandler<?> handler : handlers) {
            String type = MessageCatalog.of(handler.messageType()).typeName();
            if (this.handlers.put(type, handler) != null) {
                throw new IllegalStateException("Two handlers for message type " + type);
            }
        }
    }

    @Incoming(Channels.INBOX)
    public Uni<Void> consume(Message<Object> message) {
        return Uni.createFrom()
                .deferred(() -> process(bodyOf(message.getPayload())))
                .onItemOrFailure()
                .transformToUni((done, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    Log.warnf("Inbox message not processed, the broker will redeliver or dead-letter it: %s",
                            failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /** Handles one inbox message body; completes with false when the message had been processed before. */
    public Uni<Boolean> process(String body) {
        Envelope envelope = codec.read(body);
        MessageHandler<?> handler = handlers.get(envelope.type());
        if (handler == null) {
            throw new InvalidMessageException("No handler for message type " + envelope.type());
        }
        UUID messageId = parseId(envelope.id());
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(MARK_PROCESSED)
                        .setParameter(1, messageId)
                        .setParameter(2, envelope.type())
                        .executeUpdate())
                .flatMap(inserted -> {
                    if (inserted == 0) {
                        Log.debugf("Skipping %s %s: processed before", envelope.type(), envelope.id());
                        return Uni.createFrom().item(false);
                    }
                    return dispatch(handler, envelope).replaceWith(true);
                }));
    }

    private <T extends io.backorder.contracts.Message> Uni<Void> dispatch(MessageHandler<T> handler,
            Envelope envelope) {
        return handler.handle(codec.payload(envelope, handler.messageType()), envelope);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("Message id is not a UUID: " + id);
        }
    }

    private static String bodyOf(Object payload) {
        if (payload instanceof String text) {
            return text;
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (payload instanceof Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        if (payload instanceof JsonObject || payload instanceof JsonArray) {
            return payload.toString();
        }
        throw new InvalidMessageException("Unsupported message body: " + (payload == null ? "none" : "binary"));
    }
}
