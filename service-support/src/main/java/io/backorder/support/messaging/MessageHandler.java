package io.backorder.support.messaging;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.smallrye.mutiny.Uni;

/**
 * Handles one message type arriving in the service's inbox. Runs inside the transaction that also records the
 * message id as processed, so the effect happens exactly once however often the broker delivers the message.
 */
public interface MessageHandler<T extends Message> {

    Class<T> messageType();

    Uni<Void> handle(T message, Envelope envelope);
}
