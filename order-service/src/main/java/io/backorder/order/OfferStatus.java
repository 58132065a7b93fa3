package io.backorder.order;

public enum OfferStatus {
    /** Looking for in-stock alternatives before the offer goes out. */
    PREPARING, OPEN, ACCEPTED, EXPIRED,
    /** No longer relevant: the goods arrived, the promise recovered or the line was cancelled. */
    WITHDRAWN;

    public boolean isActive() {
        return this == PREPARING || this == OPEN;
    }
}
