package io.backorder.order.payment;

import java.time.Instant;

/** A payment provider's final answer to one call. Transient failures are exceptions, not results. */
public sealed interface PaymentResult {

    /** Short text for logs and the operation record. */
    String describe();

    /**
     * The call succeeded.
     *
     * @param reference the provider's id of the authorization, capture or refund
     * @param expiresAt for an authorization: when the provider lets it lapse
     */
    record Approved(String reference, Instant expiresAt) implements PaymentResult {

        @Override
        public String describe() {
            return "approved " + reference + (expiresAt == null ? "" : " until " + expiresAt);
        }
    }

    /** The provider refused, e.g. {@code card_declined}, {@code insufficient_funds}, {@code amount_too_large}. */
    record Declined(String code, String message) implements PaymentResult {

        @Override
        public String describe() {
            return "declined " + code + ": " + message;
        }
    }

    /** The authorization a capture wanted to draw on has lapsed. */
    record Expired(String message) implements PaymentResult {

        @Override
        public String describe() {
            return "expired: " + message;
        }
    }
}
