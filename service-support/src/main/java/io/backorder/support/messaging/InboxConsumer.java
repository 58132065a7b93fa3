package io.backorder.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import io.backorder.support.persistence.SessionSql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 * Consumer lag is measured from the envelope's time to the commit of its handling, so it includes the outbox relay,
 * the broker queue and every redelivery. Each message is handled in a span that continues the trace of the work that
 * published it ({@link InboxTracing}).
 */
@ApplicationScoped
public class InboxConsumer {

    private static final String MARK_PROCESSED = """
            insert into processed_message (message_id, type) values ($1, $2) on conflict (message_id) do nothing""";

    private static final String UNREADABLE = "unreadable";
    private static final String UNKNOWN_TYPE = "unknown";
    /** Few buckets: the lag is tagged by message type, and a full percentile histogram per type would be costly. */
    private static final Duration[] LAG_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10)};

    private final MessageCodec codec;
    private final InboxTracing tracing;
    private final MeterRegistry registry;
    private final Map<String, MessageHandler<?>> handlers = new HashMap<>();

    public InboxConsumer(MessageCodec codec, InboxTracing tracing, Instance<MessageHandler<?>> handlers,
            MeterRegistry registry) {
        this.codec = codec;
        this.tracing = tracing;
        this.registry = registry;
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
        Envelope envelope;
        try {
            envelope = codec.read(body);
        } catch (RuntimeException unreadable) {
            count(UNREADABLE, "failed");
            throw unreadable;
        }
        // A type no handler knows is not used as a tag: a stray sender must not grow the metrics without bound.
        String type = handlers.containsKey(envelope.type()) ? envelope.type() : UNKNOWN_TYPE;
        return tracing.traced(envelope, () -> handle(envelope)).onItemOrFailure().invoke((processed, failure) -> {
            if (failure != null) {
                count(type, "failed");
            } else if (processed) {
                count(type, "processed");
                Timer.builder("backorder.inbox.lag")
                        .description("Time from a message's creation to the commit of its handling")
                        .tag("type", type)
                        .serviceLevelObjectives(LAG_BUCKETS)
                        .register(registry)
                        .record(Duration.between(envelope.time(), Instant.now()));
            } else {
                count(type, "duplicate");
            }
        });
    }

    private void count(String type, String outcome) {
        Counter.builder("backorder.inbox.messages")
                .description("Inbox messages by type and outcome (processed, duplicate, failed)")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    private Uni<Boolean> handle(Envelope envelope) {
        MessageHandler<?> handler = handlers.get(envelope.type());
        if (handler == null) {
            return Uni.createFrom()
                    .failure(new InvalidMessageException("No handler for message type " + envelope.type()));
        }
        UUID messageId;
        try {
            messageId = parseId(envelope.id());
        } catch (InvalidMessageException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> SessionSql.change(MARK_PROCESSED, new Object[]{messageId, envelope.type()})
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
