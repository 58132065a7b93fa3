package io.backorder.order;

import static io.backorder.order.Scenario.awaitStatus;
import static io.backorder.order.Scenario.awaitView;
import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.order;
import static io.backorder.order.Scenario.ship;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With {@code order.payment.provider=stripe} the saga charges through the Stripe-compatible adapter. */
@QuarkusTest
@TestProfile(StripeCheckoutTest.StripeProvider.class)
class StripeCheckoutTest {

    public static class StripeProvider implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("order.payment.provider", "stripe");
        }
    }

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @InjectStripe
    StripeStub stripe;

    @Test
    void anOrderIsAuthorizedAndCapturedThroughStripe() {
        Scenario scenario = new Scenario(broker, codec);
        int before = stripe.requests().size();
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("ST-1", 2, "12.50"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        UUID lineId = reserve.lines().get(0).lineId();
        scenario.reply(new StockReserved(orderId, lineId, "ST-1", 2, "wh"));
        awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));

        ship(orderId, "stripe-parcel", Map.of(lineId, 2));

        awaitStatus(orderId, "COMPLETED");
        List<HttpStub.Request> calls = stripe.requests().subList(before, stripe.requests().size());
        // this order's intent is the one its authorization created: the last one, as the tests run one at a time
        String intent = "pi_" + stripe.intentCount();
        assertThat(calls).extracting(HttpStub.Request::path)
                .containsSubsequence("/v1/payment_intents", "/v1/payment_intents/" + intent + "/capture");
        assertThat(calls).allSatisfy(call -> assertThat(call.header("Idempotency-Key")).isNotBlank());
        assertThat(stripe.intent(intent).getLong("amount")).isEqualTo(2500);
        assertThat(stripe.intent(intent).getLong("amount_received")).isEqualTo(2500);
    }

    @Test
    void anAuthorizationTheProviderCouldNotAnswerIsRetriedWithTheSameKey() {
        Scenario scenario = new Scenario(broker, codec);
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("ST-2", 1, "9.00"))));
        UUID lineId = scenario.awaitCommand(ReserveStock.class, orderId).lines().get(0).lineId();
        int before = stripe.requests().size();
        stripe.failNext(1);

        scenario.reply(new StockReserved(orderId, lineId, "ST-2", 1, "wh"));

        awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));
        List<HttpStub.Request> attempts = stripe.requests()
                .subList(before, stripe.requests().size())
                .stream()
                .filter(call -> call.path().equals("/v1/payment_intents"))
                .toList();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).header("Idempotency-Key")).isEqualTo(attempts.get(0).header("Idempotency-Key"));
    }
}
