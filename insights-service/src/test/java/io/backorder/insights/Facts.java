package io.backorder.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Plays the other services' part: sends facts to the insights inbox over real AMQP and waits until they count. */
final class Facts {

    private final EmbeddedBroker broker;
    private final MessageCodec codec;

    Facts(EmbeddedBroker broker, MessageCodec codec) {
        this.broker = broker;
        this.codec = codec;
    }

    Envelope send(Message message) {
        return sendAt(message, Instant.now());
    }

    /** Sends a fact that happened at {@code time} (the envelope's occurred-at time is what the KPIs count by). */
    Envelope sendAt(Message message, Instant time) {
        Envelope envelope = codec.wrap(message, null).withTime(time);
        deliver(envelope);
        return envelope;
    }

    /** Delivers an envelope (again, for a redelivery). */
    void deliver(Envelope envelope) {
        broker.sendEnvelope(Addresses.INSIGHTS_INBOX, codec.write(envelope), envelope.id(),
                envelope.correlationId());
    }

    /** Waits until every one of these messages was processed (committed). */
    static void awaitProcessed(List<Envelope> envelopes) {
        List<UUID> ids = envelopes.stream().map(envelope -> UUID.fromString(envelope.id())).toList();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> processed(ids) == ids.size());
    }

    private static long processed(List<UUID> ids) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .flatMap(session -> session
                            .createNativeQuery("select count(*) from processed_message where message_id in (?1)",
                                    Long.class)
                            .setParameter(1, ids)
                            .getSingleResult())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
