package io.backorder.order.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.backorder.order.PaymentOperation;
import io.backorder.order.payment.PaymentResult;

/**
 * A payment provider as the saga's tests see it: it keeps its own books per authorization, answers every call once
 * per idempotency key, and refuses what a real provider refuses. Its books are the second opinion on the saga's.
 */
final class ProviderModel {

    /** What a test wants the provider to say; it still refuses what it must (amounts, expiry). */
    enum Outcome {
        APPROVE, DECLINE
    }

    static final class Authorization {
        final BigDecimal amount;
        final Instant expiresAt;
        BigDecimal captured = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        boolean released;

        Authorization(BigDecimal amount, Instant expiresAt) {
            this.amount = amount;
            this.expiresAt = expiresAt;
        }
    }

    private final Duration holdDuration;
    private final Map<String, Authorization> authorizations = new HashMap<>();
    private final Map<UUID, PaymentResult> answers = new HashMap<>();
    private int refusedAmounts;

    ProviderModel(Duration holdDuration) {
        this.holdDuration = holdDuration;
    }

    PaymentResult answer(PaymentOperation operation, Outcome outcome, Instant now) {
        return answers.computeIfAbsent(operation.id, id -> decide(operation, outcome, now));
    }

    private PaymentResult decide(PaymentOperation operation, Outcome outcome, Instant now) {
        return switch (operation.kind) {
            case AUTHORIZE -> {
                if (outcome == Outcome.DECLINE) {
                    yield new PaymentResult.Declined("card_declined", "declined by the test");
                }
                String reference = "auth-" + (authorizations.size() + 1);
                authorizations.put(reference, new Authorization(operation.amount, now.plus(holdDuration)));
                yield new PaymentResult.Approved(reference, now.plus(holdDuration));
            }
            case VERIFY -> outcome == Outcome.APPROVE
                    ? new PaymentResult.Approved("seti", null)
                    : new PaymentResult.Declined("card_declined", "declined by the test");
            case CAPTURE -> {
                Authorization authorization = authorizations.get(operation.providerRef);
                if (authorization == null || authorization.released) {
                    refusedAmounts++;
                    yield new PaymentResult.Declined("intent_canceled", "not capturable");
                }
                if (!now.isBefore(authorization.expiresAt)) {
                    yield new PaymentResult.Expired("lapsed");
                }
                if (outcome == Outcome.DECLINE) {
                    yield new PaymentResult.Declined("card_declined", "declined at capture by the test");
                }
                if (operation.amount.compareTo(authorization.amount.subtract(authorization.captured)) > 0) {
                    refusedAmounts++;
                    yield new PaymentResult.Declined("amount_too_large", "more than authorized");
                }
                authorization.captured = authorization.captured.add(operation.amount);
                yield new PaymentResult.Approved("capture-" + operation.id, null);
            }
            case RELEASE -> {
                Authorization authorization = authorizations.get(operation.providerRef);
                if (authorization != null) {
                    authorization.released = true;
                }
                yield new PaymentResult.Approved(operation.providerRef, null);
            }
            case REFUND -> {
                Authorization authorization = authorizations.get(operation.providerRef);
                if (authorization == null
                        || operation.amount.compareTo(authorization.captured.subtract(authorization.refunded)) > 0) {
                    refusedAmounts++;
                    yield new PaymentResult.Declined("amount_too_large", "more than captured");
                }
                if (outcome == Outcome.DECLINE) {
                    yield new PaymentResult.Declined("refund_failed", "declined by the test");
                }
                authorization.refunded = authorization.refunded.add(operation.amount);
                yield new PaymentResult.Approved("refund-" + operation.id, null);
            }
        };
    }

    Authorization authorization(String reference) {
        return authorizations.get(reference);
    }

    /** The provider's own books never show more captured than authorized nor more refunded than captured. */
    void assertBooksBalance() {
        assertThat(refusedAmounts).as("calls the saga should never have made").isZero();
        authorizations.forEach((reference, authorization) -> {
            assertThat(authorization.captured).as("captured on %s", reference)
                    .isLessThanOrEqualTo(
                            authorization.amount);
            assertThat(authorization.refunded).as("refunded on %s", reference)
                    .isLessThanOrEqualTo(
                            authorization.captured);
            assertThat(authorization.refunded.signum()).isNotNegative();
        });
    }
}
