package io.backorder.support.messaging;

/** A message that can never be processed, however often it is redelivered; it ends on the dead-letter address. */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
