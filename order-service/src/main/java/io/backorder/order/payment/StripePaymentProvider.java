package io.backorder.order.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import io.backorder.order.Money;
import io.backorder.order.config.OrderConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Stripe-compatible adapter: PaymentIntents with {@code capture_method=manual} and multicapture (partial captures
 * with {@code final_capture=false}), cancellation to release the remainder, refunds against the PaymentIntent, and a
 * SetupIntent to verify a payment method. Every request carries the operation's {@code Idempotency-Key}.
 * <p>
 * Card errors (402) and invalid requests (400) are final answers; 409 (an idempotent request still in flight), 429
 * and 5xx or no answer at all are transient and the call is retried with the same key.
 */
@ApplicationScoped
@Typed(StripePaymentProvider.class)
public class StripePaymentProvider implements PaymentProvider {

    /** Stripe lets an uncaptured card authorization lapse after seven days unless the charge says otherwise. */
    private static final Duration DEFAULT_HOLD = Duration.ofDays(7);

    private final WebClient client;
    private final OrderConfig.Payment.Stripe config;
    private final Clock clock;

    public StripePaymentProvider(Vertx vertx, OrderConfig config, Clock clock) {
        this.config = config.payment().stripe();
        this.clock = clock;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) this.config.timeout().toMillis())
                .setUserAgent("backorder-order-service"));
    }

    @Override
    public Uni<PaymentResult> authorize(String idempotencyKey, String paymentMethod, BigDecimal amount,
            String currency, String orderReference) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("amount", minorUnits(amount, currency))
                .add("currency", currency.toLowerCase(Locale.ROOT))
                .add("payment_method", paymentMethod)
                .add("payment_method_types[]", "card")
                .add("capture_method", "manual")
                .add("confirm", "true")
                .add("payment_method_options[card][request_multicapture]", "if_available")
                .add("metadata[order_reference]", orderReference)
                .add("expand[]", "latest_charge");
        return post("/v1/payment_intents", idempotencyKey, form).map(response -> {
            JsonObject body = response.bodyAsJsonObject();
            if (response.statusCode() != 200) {
                return declined(body);
            }
            String status = body.getString("status");
            if (!"requires_capture".equals(status)) {
                return new PaymentResult.Declined(status, "The payment needs " + status.replace('_', ' '));
            }
            return new PaymentResult.Approved(body.getString("id"), captureBefore(body));
        });
    }

    @Override
    public Uni<PaymentResult> verify(String idempotencyKey, String paymentMethod) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("payment_method", paymentMethod)
                .add("payment_method_types[]", "card")
                .add("usage", "off_session")
                .add("confirm", "true");
        return post("/v1/setup_intents", idempotencyKey, form).map(response -> {
            JsonObject body = response.bodyAsJsonObject();
            if (response.statusCode() != 200) {
                return declined(body);
            }
            String status = body.getString("status");
            return "succeeded".equals(status)
                    ? new PaymentResult.Approved(body.getString("id"), null)
                    : new PaymentResult.Declined(status, "The payment method needs " + status.replace('_', ' '));
        });
    }

    @Override
    public Uni<PaymentResult> capture(String idempotencyKey, String authorization, BigDecimal amount,
            String currency) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("amount_to_capture", minorUnits(amount, currency))
                .add("final_capture", "false");
        return post("/v1/payment_intents/" + authorization + "/capture", idempotencyKey, form).map(response -> {
            JsonObject body = response.bodyAsJsonObject();
            if (response.statusCode() == 200) {
                Object charge = body.getValue("latest_charge");
                return new PaymentResult.Approved(charge instanceof String id ? id : body.getString("id"), null);
            }
            JsonObject error = body.getJsonObject("error", new JsonObject());
            if ("charge_expired_for_capture".equals(error.getString("code"))) {
                return new PaymentResult.Expired(error.getString("message", "The authorization expired"));
            }
            return declined(body);
        });
    }

    @Override
    public Uni<PaymentResult> release(String idempotencyKey, String authorization) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("cancellation_reason", "abandoned");
        return post("/v1/payment_intents/" + authorization + "/cancel", idempotencyKey, form)
                .map(response -> response.statusCode() == 200
                        ? new PaymentResult.Approved(authorization, null)
                        : declined(response.bodyAsJsonObject()));
    }

    @Override
    public Uni<PaymentResult> refund(String idempotencyKey, String authorization, BigDecimal amount,
            String currency) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("payment_intent", authorization)
                .add("amount", minorUnits(amount, currency));
        return post("/v1/refunds", idempotencyKey, form).map(response -> {
            JsonObject body = response.bodyAsJsonObject();
            if (response.statusCode() != 200) {
                return declined(body);
            }
            return "failed".equals(body.getString("status"))
                    ? new PaymentResult.Declined("refund_failed", body.getString("failure_reason", "failed"))
                    : new PaymentResult.Approved(body.getString("id"), null);
        });
    }

    private Uni<HttpResponse<Buffer>> post(String path, String idempotencyKey, MultiMap form) {
        String apiKey = config.apiKey()
                .orElseThrow(() -> new IllegalStateException("order.payment.stripe.api-key is not set"));
        return client.postAbs(config.baseUrl().resolve(path).toString())
                .bearerTokenAuthentication(apiKey)
                .putHeader("Idempotency-Key", idempotencyKey)
                .timeout(config.timeout().toMillis())
                .sendForm(form)
                .onFailure()
                .transform(failure -> new PaymentProviderUnavailableException("Stripe did not answer " + path
                        + ": " + failure.getMessage(), failure))
                .invoke(response -> {
                    int status = response.statusCode();
                    if (status == 409 || status == 429 || status >= 500) {
                        Log.warnf("Stripe answered %d to %s; will retry with the same idempotency key", status, path);
                        throw new PaymentProviderUnavailableException("Stripe answered " + status + " to " + path);
                    }
                });
    }

    private Instant captureBefore(JsonObject intent) {
        Object charge = intent.getValue("latest_charge");
        if (charge instanceof JsonObject latest) {
            JsonObject card = latest.getJsonObject("payment_method_details", new JsonObject())
                    .getJsonObject("card", new JsonObject());
            Long captureBefore = card.getLong("capture_before");
            if (captureBefore != null) {
                return Instant.ofEpochSecond(captureBefore);
            }
        }
        return clock.instant().plus(DEFAULT_HOLD);
    }

    private static PaymentResult declined(JsonObject body) {
        JsonObject error = body == null ? new JsonObject() : body.getJsonObject("error", new JsonObject());
        String code = error.getString("decline_code", error.getString("code", error.getString("type", "error")));
        return new PaymentResult.Declined(code, error.getString("message", "Refused by the provider"));
    }

    private static String minorUnits(BigDecimal amount, String currency) {
        return amount.movePointRight(Money.scale(currency)).toBigIntegerExact().toString();
    }
}
