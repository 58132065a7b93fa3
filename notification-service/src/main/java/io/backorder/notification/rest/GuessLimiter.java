package io.backorder.notification.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.notification.config.NotificationConfig;

/**
 * Per client address, a token bucket of misses (requests for links that do not exist): guessing tokens costs the
 * guesser's allowance, customers following their own links do not. Kept in memory, so each replica limits on its
 * own: with N replicas a guesser gets at most N times the allowance, still hopeless against 192-bit tokens.
 */
@ApplicationScoped
public class GuessLimiter {

    private record Bucket(double allowance, Instant at) {
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int capacity;
    private final Duration refillEvery;
    private final int maxTracked;
    private final Clock clock;

    public GuessLimiter(NotificationConfig config, Clock clock) {
        this.capacity = config.rateLimit().misses();
        this.refillEvery = config.rateLimit().refillEvery();
        this.maxTracked = config.rateLimit().maxTrackedClients();
        this.clock = clock;
    }

    /** Whether the client may still use links at all. */
    public boolean allows(String client) {
        Bucket bucket = buckets.get(client);
        return bucket == null || refilled(bucket, clock.instant()).allowance() >= 1;
    }

    /** How long until a blocked client has an allowance again. */
    public Duration retryAfter(String client) {
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            return Duration.ZERO;
        }
        double missing = 1 - refilled(bucket, clock.instant()).allowance();
        return missing <= 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(missing * refillEvery.toMillis()));
    }

    public void miss(String client) {
        Instant now = clock.instant();
        buckets.compute(client, (key, bucket) -> {
            Bucket current = bucket == null ? new Bucket(capacity, now) : refilled(bucket, now);
            return new Bucket(Math.max(0, current.allowance() - 1), now);
        });
        if (buckets.size() > maxTracked) {
            forgetFullBuckets(now);
        }
    }

    /** Clients back at full allowance carry no information; dropping them bounds the memory a flood can take. */
    private void forgetFullBuckets(Instant now) {
        buckets.entrySet().removeIf(entry -> refilled(entry.getValue(), now).allowance() >= capacity);
    }

    private Bucket refilled(Bucket bucket, Instant now) {
        long elapsed = Math.max(0, Duration.between(bucket.at(), now).toMillis());
        double allowance = Math.min(capacity, bucket.allowance() + (double) elapsed / refillEvery.toMillis());
        return new Bucket(allowance, now);
    }
}
