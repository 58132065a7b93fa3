package io.backorder.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backorder.order.payment.PaymentProviderUnavailableException;
import io.backorder.order.payment.PaymentResult;
import io.backorder.order.payment.StripePaymentProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** The Stripe-compatible adapter against a local stand-in of the documented API. */
@QuarkusTest
class StripePaymentProviderTest {

    @Inject
    StripePaymentProvider stripe;

    @InjectStripe
    StripeStub api;

    @Test
    void authorizesWithManualCaptureAndAnIdempotencyKey() {
        String key = UUID.randomUUID().toString();

        PaymentResult result = call(stripe.authorize(key, "pm_card_visa", new BigDecimal("19.99"), "EUR", "SHOP-1"));

        assertThat(result).isInstanceOfSatisfying(PaymentResult.Approved.class, approved -> {
            assertThat(approved.reference()).startsWith("pi_");
            assertThat(approved.expiresAt()).isNotNull();
        });
        HttpStub.Request request = last();
        assertThat(request.path()).isEqualTo("/v1/payment_intents");
        assertThat(request.header("Idempotency-Key")).isEqualTo(key);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + StripeStub.API_KEY);
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(StripeStub.form(request.body())).containsAllEntriesOf(Map.of("amount", "1999", "currency", "eur",
                "capture_method", "manual", "confirm", "true", "payment_method", "pm_card_visa",
                "payment_method_options[card][request_multicapture]", "if_available"));
    }

    @Test
    void capturesInPartsRefundsAndReleasesTheRest() {
        String intent = authorized("100.00");

        assertThat(call(stripe.capture(key(), intent, new BigDecimal("30.00"), "EUR")))
                .isInstanceOf(PaymentResult.Approved.class);
        assertThat(StripeStub.form(last().body())).containsEntry("amount_to_capture", "3000")
                .containsEntry("final_capture", "false");
        assertThat(call(stripe.capture(key(), intent, new BigDecimal("50.00"), "EUR")))
                .isInstanceOf(PaymentResult.Approved.class);
        assertThat(call(stripe.capture(key(), intent, new BigDecimal("30.00"), "EUR")))
                .isInstanceOfSatisfying(PaymentResult.Declined.class, declined -> assertThat(declined.code())
                        .isEqualTo("amount_too_large"));
        assertThat(call(stripe.refund(key(), intent, new BigDecimal("30.00"), "EUR")))
                .isInstanceOfSatisfying(PaymentResult.Approved.class, refund -> assertThat(refund.reference())
                        .startsWith("re_"));
        assertThat(call(stripe.refund(key(), intent, new BigDecimal("60.00"), "EUR")))
                .as("never more than captured")
                .isInstanceOf(PaymentResult.Declined.class);
        assertThat(call(stripe.release(key(), intent))).isInstanceOf(PaymentResult.Approved.class);

        assertThat(api.intent(intent).getLong("amount_received")).isEqualTo(8000);
        assertThat(api.intent(intent).getLong("amount_refunded")).isEqualTo(3000);
        assertThat(api.intent(intent).getString("status")).isEqualTo("canceled");
    }

    @Test
    void cardErrorsAreDeclinesAndALapsedAuthorizationIsExpired() {
        assertThat(call(stripe.authorize(key(), StripeStub.DECLINED_CARD, BigDecimal.TEN, "EUR", "SHOP-2")))
                .isInstanceOfSatisfying(PaymentResult.Declined.class, declined -> {
                    assertThat(declined.code()).isEqualTo("generic_decline");
                    assertThat(declined.message()).contains("declined");
                });
        assertThat(call(stripe.verify(key(), StripeStub.DECLINED_CARD))).isInstanceOf(PaymentResult.Declined.class);
        assertThat(call(stripe.verify(key(), "pm_card_visa"))).isInstanceOf(PaymentResult.Approved.class);

        String intent = authorized("10.00");
        api.expire(intent);
        assertThat(call(stripe.capture(key(), intent, BigDecimal.ONE, "EUR"))).isInstanceOf(
                PaymentResult.Expired.class);
    }

    @Test
    void aRepeatedCallWithTheSameKeyMovesMoneyOnce() {
        String intent = authorized("40.00");
        String key = key();

        PaymentResult first = call(stripe.capture(key, intent, new BigDecimal("40.00"), "EUR"));
        PaymentResult again = call(stripe.capture(key, intent, new BigDecimal("40.00"), "EUR"));

        assertThat(again).isEqualTo(first).isInstanceOf(PaymentResult.Approved.class);
        assertThat(api.intent(intent).getLong("amount_received")).isEqualTo(4000);
    }

    @Test
    void serverErrorsAreTransientAndTheRetryWithTheSameKeySucceeds() {
        int intentsBefore = api.intentCount();
        String key = key();
        api.failNext(1);

        assertThatThrownBy(() -> call(stripe.authorize(key, "pm_card_visa", BigDecimal.TEN, "EUR", "SHOP-3")))
                .isInstanceOf(PaymentProviderUnavailableException.class);
        assertThat(call(stripe.authorize(key, "pm_card_visa", BigDecimal.TEN, "EUR", "SHOP-3")))
                .isInstanceOf(PaymentResult.Approved.class);
        assertThat(api.intentCount()).isEqualTo(intentsBefore + 1);
    }

    private String authorized(String amount) {
        PaymentResult result = call(stripe.authorize(key(), "pm_card_visa", new BigDecimal(amount), "EUR", "SHOP"));
        return ((PaymentResult.Approved) result).reference();
    }

    private HttpStub.Request last() {
        var requests = api.requests();
        return requests.get(requests.size() - 1);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static PaymentResult call(Uni<PaymentResult> call) {
        return call.await().atMost(Duration.ofSeconds(20));
    }
}
