package io.backorder.notification.channel;

/**
 * A channel refused a message. {@code retryable} tells a passing problem (server down, rate limited) from one that
 * will never go away (invalid number, blocked recipient).
 */
public class DeliveryRejected extends RuntimeException {

    private final boolean retryable;

    public DeliveryRejected(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
