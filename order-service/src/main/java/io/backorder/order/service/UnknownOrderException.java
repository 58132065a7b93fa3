package io.backorder.order.service;

import java.util.UUID;

import io.backorder.support.messaging.InvalidMessageException;

/** A message names an order this service does not know; it can never be processed and is dead-lettered. */
public class UnknownOrderException extends InvalidMessageException {

    public UnknownOrderException(UUID orderId) {
        super("No order " + orderId);
    }
}
