package io.backorder.notification;

/** OPEN until the customer decides, the saga reports its expiry, or a newer offer (or a cancellation) replaces it. */
public enum OfferStatus {
    OPEN, DECIDED, EXPIRED, WITHDRAWN
}
