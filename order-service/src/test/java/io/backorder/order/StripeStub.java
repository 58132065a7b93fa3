package io.backorder.order;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.json.JsonObject;

/**
 * A local stand-in for the documented Stripe API: PaymentIntents with manual capture and multicapture, cancellation,
 * refunds, SetupIntents, card errors as 402, and idempotency keys (the same key returns the first response; the same
 * key with other parameters is a 400). Requests are recorded for assertions.
 */
final class StripeStub implements AutoCloseable {

    public static final String API_KEY = "sk_test_backorder";
    public static final String DECLINED_CARD = "pm_card_chargeDeclined";

    record Stored(String fingerprint, int status, String body) {
    }

    private final HttpStub server;
    private final Map<String, Stored> idempotent = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> intents = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    public StripeStub() {
        server = new HttpStub(this::handle);
    }

    public String baseUrl() {
        return server.url("");
    }

    public List<HttpStub.Request> requests() {
        return server.requests();
    }

    /** The next {@code count} requests fail with 500 before reaching the API logic. */
    public void failNext(int count) {
        failuresLeft.set(count);
    }

    /** Lets the authorization lapse, as Stripe does after its capture window. */
    public void expire(String intent) {
        intents.get(intent).put("expired", true);
    }

    public JsonObject intent(String id) {
        return intents.get(id).copy();
    }

    public int intentCount() {
        return intents.size();
    }

    private synchronized HttpStub.Answer handle(HttpStub.Request request) {
        String method = request.method();
        String path = request.path();
        String body = request.body();
        if (failuresLeft.getAndDecrement() > 0) {
            return reply(500, error("api_error", "internal", "Something went wrong"));
        }
        if (!("Bearer " + API_KEY).equals(request.header("Authorization"))) {
            return reply(401, error("invalid_request_error", "unauthorized", "Invalid API key"));
        }
        Map<String, String> form = form(body);
        String key = request.header("Idempotency-Key");
        String fingerprint = method + " " + path + " " + new java.util.TreeMap<>(form);
        if (key != null && idempotent.containsKey(key)) {
            Stored stored = idempotent.get(key);
            return stored.fingerprint().equals(fingerprint)
                    ? new HttpStub.Answer(stored.status(), stored.body())
                    : reply(400, error("idempotency_error", "idempotency_key_in_use",
                            "Keys for idempotent requests can only be used with the same parameters"));
        }
        HttpStub.Answer reply = route(path, form);
        if (key != null && reply.status() < 500) {
            idempotent.put(key, new Stored(fingerprint, reply.status(), reply.body()));
        }
        return reply;
    }

    private HttpStub.Answer route(String path, Map<String, String> form) {
        if (path.equals("/v1/payment_intents")) {
            if (DECLINED_CARD.equals(form.get("payment_method"))) {
                return cardDeclined();
            }
            long amount = Long.parseLong(form.get("amount"));
            String id = "pi_" + ids.incrementAndGet();
            JsonObject intent = new JsonObject().put("id", id)
                    .put("object", "payment_intent")
                    .put("status", "requires_capture")
                    .put("amount", amount)
                    .put("amount_capturable", amount)
                    .put("amount_received", 0L)
                    .put("amount_refunded", 0L)
                    .put("currency", form.get("currency"))
                    .put("capture_method", form.get("capture_method"))
                    .put("latest_charge", new JsonObject().put("id", "ch_" + id)
                            .put("payment_method_details", new JsonObject().put("card", new JsonObject()
                                    .put("capture_before", Instant.now()
                                            .plus(Duration.ofDays(7))
                                            .getEpochSecond()))));
            intents.put(id, intent);
            return reply(200, visible(intent));
        }
        if (path.equals("/v1/setup_intents")) {
            return DECLINED_CARD.equals(form.get("payment_method"))
                    ? cardDeclined()
                    : reply(200, new JsonObject().put("id", "seti_" + ids.incrementAndGet())
                            .put("status", "succeeded"));
        }
        if (path.equals("/v1/refunds")) {
            JsonObject intent = intents.get(form.get("payment_intent"));
            long amount = Long.parseLong(form.get("amount"));
            if (intent == null || amount > intent.getLong("amount_received") - intent.getLong("amount_refunded")) {
                return reply(400, error("invalid_request_error", "amount_too_large", "Refund exceeds the charge"));
            }
            intent.put("amount_refunded", intent.getLong("amount_refunded") + amount);
            return reply(200, new JsonObject().put("id", "re_" + ids.incrementAndGet())
                    .put("status", "succeeded")
                    .put("amount", amount));
        }
        String[] parts = path.split("/");
        JsonObject intent = parts.length == 5 ? intents.get(parts[3]) : null;
        if (intent == null) {
            return reply(404, error("invalid_request_error", "resource_missing", "No such payment_intent"));
        }
        if (parts[4].equals("capture")) {
            if (intent.getBoolean("expired", false)) {
                return reply(400, error("invalid_request_error", "charge_expired_for_capture",
                        "The charge expired before it was captured"));
            }
            if (!"requires_capture".equals(intent.getString("status"))) {
                return reply(400, error("invalid_request_error", "payment_intent_unexpected_state",
                        "This PaymentIntent could not be captured because it has a status of "
                                + intent.getString("status")));
            }
            long amount = Long.parseLong(form.getOrDefault("amount_to_capture",
                    String.valueOf(intent.getLong("amount_capturable"))));
            if (amount > intent.getLong("amount_capturable")) {
                return reply(400, error("invalid_request_error", "amount_too_large",
                        "amount_to_capture exceeds amount_capturable"));
            }
            intent.put("amount_received", intent.getLong("amount_received") + amount);
            intent.put("amount_capturable", intent.getLong("amount_capturable") - amount);
            if (!"false".equals(form.get("final_capture"))) {
                intent.put("amount_capturable", 0L).put("status", "succeeded");
            }
            return reply(200, visible(intent).put("latest_charge", "ch_" + intent.getString("id")));
        }
        if (parts[4].equals("cancel")) {
            intent.put("status", "canceled")
                    .put("amount_capturable", 0L)
                    .put("cancellation_reason", form.get("cancellation_reason"));
            return reply(200, visible(intent));
        }
        return reply(404, error("invalid_request_error", "unknown_route", path));
    }

    private static JsonObject visible(JsonObject intent) {
        JsonObject copy = intent.copy();
        copy.remove("expired");
        return copy;
    }

    private static HttpStub.Answer cardDeclined() {
        return reply(402, new JsonObject().put("error", new JsonObject().put("type", "card_error")
                .put("code", "card_declined")
                .put("decline_code", "generic_decline")
                .put("message", "Your card was declined.")));
    }

    private static JsonObject error(String type, String code, String message) {
        return new JsonObject().put("error", new JsonObject().put("type", type)
                .put("code", code)
                .put("message",
                        message));
    }

    private static HttpStub.Answer reply(int status, JsonObject body) {
        return new HttpStub.Answer(status, body.encode());
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new HashMap<>(form);
    }

    @Override
    public void close() {
        server.close();
    }
}
