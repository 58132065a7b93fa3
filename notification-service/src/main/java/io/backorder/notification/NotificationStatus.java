package io.backorder.notification;

/**
 * SCHEDULED waits for its due time (a coalescing window); SENDING passed the gate and has deliveries; DELIVERED
 * reached the customer on at least one channel; FAILED on none; SUPPRESSED was held back (see the reason);
 * COALESCED was folded into an earlier scheduled message.
 */
public enum NotificationStatus {
    SCHEDULED, SENDING, DELIVERED, FAILED, SUPPRESSED, COALESCED;

    public boolean isFinal() {
        return this != SCHEDULED && this != SENDING;
    }
}
