package io.backorder.contracts;

/** Payload of an {@link Envelope}. Every message names the aggregate it belongs to, which becomes the correlation id. */
public interface Message {

    String correlationId();
}
