package io.backorder.notification;

import java.util.Optional;

import io.backorder.contracts.notification.CustomerMessageKind;

/**
 * What a message to a customer is about: every {@link CustomerMessageKind} the order saga asks for, and the fresh
 * link a customer requests from an expired page.
 */
public enum NotificationKind {
    BACKORDER_CONFIRMATION(true), PROMISE_DATE_CHANGED(true), OFFER(false), OFFER_REMINDER(false), OFFER_EXPIRED(
            false), PAYMENT_METHOD_UPDATE_NEEDED(
                    false), ALLOCATED(true), SHIPPED(true), CANCELLED_AND_REFUNDED(false), FRESH_LINK(false);

    private final boolean cappable;

    NotificationKind(boolean cappable) {
        this.cappable = cappable;
    }

    public static NotificationKind of(CustomerMessageKind kind) {
        return valueOf(kind.name());
    }

    /**
     * Whether the daily cap may hold this message back. Offers, their reminder and outcome, payment requests and
     * refunds ask the customer to act or tell them about their money: they always go out. A fresh link was asked
     * for by the customer.
     */
    public boolean cappable() {
        return cappable;
    }

    /** The saga's kind, or empty for a message the saga did not ask for (it hears nothing about those). */
    public Optional<CustomerMessageKind> sagaKind() {
        return this == FRESH_LINK ? Optional.empty() : Optional.of(CustomerMessageKind.valueOf(name()));
    }

    /** Whether the SMS lists the expected dates: the message is about them. */
    public boolean showsPromisesInSms() {
        return this == BACKORDER_CONFIRMATION || this == PROMISE_DATE_CHANGED;
    }

    public boolean concernsOffer() {
        return this == OFFER || this == OFFER_REMINDER;
    }
}
