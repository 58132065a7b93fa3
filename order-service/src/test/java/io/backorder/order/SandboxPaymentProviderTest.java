package io.backorder.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backorder.order.payment.PaymentResult;
import io.backorder.order.payment.SandboxPaymentProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The built-in provider behaves like a card processor: scripted declines, lapsing holds, bounded money moves. */
@QuarkusTest
class SandboxPaymentProviderTest {

    @Inject
    SandboxPaymentProvider sandbox;

    @Inject
    TestClock clock;

    @Inject
    Pool pool;

    @Test
    void scriptedCardsDeclineWhereRealOnesWould() {
        assertThat(authorize("pm_card_declined", "10.00")).isInstanceOfSatisfying(PaymentResult.Declined.class,
                d -> assertThat(d.code()).isEqualTo("card_declined"));
        assertThat(authorize("pm_card_insufficient_funds", "10.00"))
                .isInstanceOfSatisfying(PaymentResult.Declined.class, d -> assertThat(d.code()).isEqualTo(
                        "insufficient_funds"));
        assertThat(call(sandbox.verify(key(), "pm_card_insufficient_funds")))
                .as("a verification holds no money")
                .isInstanceOf(PaymentResult.Approved.class);
        assertThat(authorize("not-a-card", "10.00")).isInstanceOf(PaymentResult.Declined.class);

        String failing = reference(authorize("pm_card_capture_fails", "10.00"));
        assertThat(call(sandbox.capture(key(), failing, BigDecimal.ONE, "EUR")))
                .isInstanceOfSatisfying(PaymentResult.Declined.class, d -> assertThat(d.code()).isEqualTo(
                        "card_declined"));
    }

    @Test
    void capturesAndRefundsNeverExceedWhatWasAuthorizedAndCaptured() {
        String intent = reference(authorize("pm_card_visa", "50.00"));

        assertThat(call(sandbox.capture(key(), intent, new BigDecimal("20.00"), "EUR"))).isInstanceOf(
                PaymentResult.Approved.class);
        assertThat(call(sandbox.capture(key(), intent, new BigDecimal("30.00"), "EUR"))).isInstanceOf(
                PaymentResult.Approved.class);
        assertThat(call(sandbox.capture(key(), intent, new BigDecimal("0.01"), "EUR")))
                .isInstanceOfSatisfying(PaymentResult.Declined.class, d -> assertThat(d.code()).isEqualTo(
                        "amount_too_large"));
        assertThat(call(sandbox.refund(key(), intent, new BigDecimal("45.00"), "EUR"))).isInstanceOf(
                PaymentResult.Approved.class);
        assertThat(call(sandbox.refund(key(), intent, new BigDecimal("5.01"), "EUR"))).isInstanceOf(
                PaymentResult.Declined.class);
        assertThat(call(sandbox.release(key(), intent))).isInstanceOf(PaymentResult.Approved.class);
        assertThat(call(sandbox.capture(key(), intent, new BigDecimal("0.01"), "EUR")))
                .as("nothing is captured after a release")
                .isInstanceOf(PaymentResult.Declined.class);
    }

    @Test
    void holdsLapseAndShortHoldsLapseSooner() {
        String normal = reference(authorize("pm_card_visa", "10.00"));
        String shortHold = reference(authorize("pm_card_short_hold", "10.00"));

        clock.advance(Duration.ofHours(3));

        assertThat(call(sandbox.capture(key(), shortHold, BigDecimal.ONE, "EUR"))).isInstanceOf(
                PaymentResult.Expired.class);
        assertThat(call(sandbox.capture(key(), normal, BigDecimal.ONE, "EUR"))).isInstanceOf(
                PaymentResult.Approved.class);
    }

    @Test
    void concurrentCallsWithOneKeyAuthorizeOnceAndAllGetTheSameAnswer() {
        String key = key();

        List<PaymentResult> results = IntStream.range(0, 8)
                .parallel()
                .mapToObj(i -> call(sandbox.authorize(key, "pm_card_visa", new BigDecimal("12.34"), "EUR", "R")))
                .toList();

        assertThat(results).hasSize(8).allSatisfy(result -> assertThat(result).isEqualTo(results.get(0)));
        long intents = pool.preparedQuery("select count(*) from sandbox_intent where id = $1")
                .execute(Tuple.of(reference(results.get(0))))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
        assertThat(intents).isEqualTo(1);
        assertThat(call(sandbox.authorize(key, "pm_card_visa", new BigDecimal("99.00"), "EUR", "R")))
                .as("the same key with other parameters")
                .isInstanceOfSatisfying(PaymentResult.Declined.class,
                        d -> assertThat(d.code()).isEqualTo("idempotency_error"));
    }

    private PaymentResult authorize(String paymentMethod, String amount) {
        return call(sandbox.authorize(key(), paymentMethod, new BigDecimal(amount), "EUR", "SHOP"));
    }

    private static String reference(PaymentResult result) {
        return ((PaymentResult.Approved) result).reference();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static PaymentResult call(Uni<PaymentResult> call) {
        return call.await().atMost(Duration.ofSeconds(20));
    }
}
