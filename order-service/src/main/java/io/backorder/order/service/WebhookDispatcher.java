package io.backorder.order.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.backorder.order.config.OrderConfig;
import io.backorder.support.time.Periodic;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivers webhook events. Each delivery is POSTed with an HMAC-SHA256 signature over {@code timestamp.body}
 * (header {@value #SIGNATURE_HEADER}: {@code t=<unix seconds>,v1=<hex>}); anything but a 2xx answer is retried
 * with exponential backoff until {@code order.webhooks.max-attempts}; the delivery records its attempts and the
 * last outcome.
 */
@ApplicationScoped
public class WebhookDispatcher {

    public static final String SIGNATURE_HEADER = "Backorder-Signature";
    public static final String EVENT_ID_HEADER = "Backorder-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Backorder-Event-Type";
    public static final String DELIVERY_ID_HEADER = "Backorder-Delivery-Id";

    private static final String CLAIM = """
            update webhook_delivery d set lease_until = now() + make_interval(secs => $3), attempts = d.attempts + 1
            from webhook_subscription s
            where s.id = d.subscription_id and d.id in (
                select id from webhook_delivery
                where status = 'PENDING' and next_attempt_at <= $1 and (lease_until is null or lease_until < now())
                order by next_attempt_at limit $2 for update skip locked)
            returning d.id, d.event_id, d.event_type, d.payload, d.attempts, s.url, s.secret""";
    private static final String DELIVERED = """
            update webhook_delivery set status = 'DELIVERED', delivered_at = $2, last_status_code = $3,
            last_error = null, lease_until = null where id = $1""";
    private static final String FAILED_ATTEMPT = """
            update webhook_delivery set status = $2, next_attempt_at = $3, last_status_code = $4, last_error = $5,
            lease_until = null where id = $1""";

    record Claimed(UUID id, UUID eventId, String eventType, String payload, int attempts, String url,
            String secret) {

        static Claimed of(Row row) {
            return new Claimed(row.getUUID("id"), row.getUUID("event_id"), row.getString("event_type"),
                    row.getString("payload"), row.getInteger("attempts"), row.getString("url"),
                    row.getString("secret"));
        }
    }

    private final Pool pool;
    private final WebClient client;
    private final OrderConfig.Webhooks config;
    private final Clock clock;
    private final Periodic periodic;

    public WebhookDispatcher(Pool pool, Vertx vertx, OrderConfig config, Clock clock, Periodic periodic) {
        this.pool = pool;
        this.config = config.webhooks();
        this.clock = clock;
        this.periodic = periodic;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) this.config.timeout().toMillis())
                .setFollowRedirects(false)
                .setUserAgent("backorder-order-service-webhooks"));
    }

    void start(@Observes StartupEvent event) {
        periodic.everyUntilDrained(config.every(), "webhook dispatcher", config.batchSize(), this::deliverDue);
    }

    /** Attempts the deliveries that are due; returns how many were attempted. */
    public Uni<Integer> deliverDue() {
        Tuple arguments = Tuple.of(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), config.batchSize(),
                (double) config.lease().toSeconds());
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM).execute(arguments))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Claimed::of).toList())
                .flatMap(this::deliverAll);
    }

    private Uni<Integer> deliverAll(List<Claimed> claimed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Claimed delivery : claimed) {
            chain = chain.chain(() -> deliver(delivery));
        }
        return chain.replaceWith(claimed.size());
    }

    private Uni<Void> deliver(Claimed delivery) {
        long timestamp = clock.instant().getEpochSecond();
        return client.postAbs(delivery.url())
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .putHeader(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(delivery.secret(), timestamp,
                        delivery.payload()))
                .putHeader(EVENT_ID_HEADER, delivery.eventId().toString())
                .putHeader(EVENT_TYPE_HEADER, delivery.eventType())
                .putHeader(DELIVERY_ID_HEADER, delivery.id().toString())
                .timeout(config.timeout().toMillis())
                .sendBuffer(Buffer.buffer(delivery.payload()))
                .onItemOrFailure()
                .transformToUni((response, failure) -> {
                    if (failure == null && response.statusCode() / 100 == 2) {
                        return pool.preparedQuery(DELIVERED)
                                .execute(Tuple.of(delivery.id(), OffsetDateTime.ofInstant(clock.instant(),
                                        ZoneOffset.UTC), response.statusCode()))
                                .replaceWithVoid();
                    }
                    Integer status = failure == null ? response.statusCode() : null;
                    String error = failure == null
                            ? "HTTP " + response.statusCode()
                            : String.valueOf(failure.getMessage());
                    return failedAttempt(delivery, status, error);
                });
    }

    private Uni<Void> failedAttempt(Claimed delivery, Integer status, String error) {
        boolean exhausted = delivery.attempts() >= config.maxAttempts();
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(delivery.attempts() - 1, 20));
        if (wait.compareTo(config.maxBackoff()) > 0) {
            wait = config.maxBackoff();
        }
        Instant next = clock.instant().plus(wait);
        Log.infof("Webhook delivery %s attempt %d failed (%s)%s", delivery.id(), delivery.attempts(), error,
                exhausted ? "; giving up" : "; next attempt at " + next);
        return pool.preparedQuery(FAILED_ATTEMPT)
                .execute(Tuple.of(delivery.id(), exhausted ? "FAILED" : "PENDING",
                        OffsetDateTime.ofInstant(next, ZoneOffset.UTC), status,
                        error.length() > 1000 ? error.substring(0, 1000) : error))
                .replaceWithVoid();
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + payload}; receivers recompute it with their secret. */
    public static String sign(String secret, long timestamp, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
