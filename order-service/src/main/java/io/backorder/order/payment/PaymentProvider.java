package io.backorder.order.payment;

import java.math.BigDecimal;

import io.smallrye.mutiny.Uni;

/**
 * The payment provider port. Every call carries an idempotency key: the same key returns the first answer again,
 * so a call repeated after a crash or a timeout never moves money twice. A call that could not reach a decision
 * fails with {@link PaymentProviderUnavailableException} and is retried with the same key.
 */
public interface PaymentProvider {

    /** Places a hold of {@code amount} on the payment method (manual capture). */
    Uni<PaymentResult> authorize(String idempotencyKey, String paymentMethod, BigDecimal amount, String currency,
            String orderReference);

    /** Checks that the payment method can be charged later, without holding money. */
    Uni<PaymentResult> verify(String idempotencyKey, String paymentMethod);

    /** Captures part or all of what is left on an authorization; further captures stay possible. */
    Uni<PaymentResult> capture(String idempotencyKey, String authorization, BigDecimal amount, String currency);

    /** Gives back what was not captured of an authorization. */
    Uni<PaymentResult> release(String idempotencyKey, String authorization);

    /** Refunds part or all of what was captured on an authorization. */
    Uni<PaymentResult> refund(String idempotencyKey, String authorization, BigDecimal amount, String currency);
}
