package io.backorder.supplier;

/**
 * A token bucket: up to {@code capacity} requests in a burst, refilled at a steady rate. Time comes from the caller
 * (monotonic nanoseconds), which keeps the arithmetic testable; it is kept in whole nanoseconds of credit, so there
 * is no rounding drift.
 */
public final class TokenBucket {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final long nanosPerToken;
    private final long maxCredit;
    private long credit;
    private long lastRefill;

    public TokenBucket(int capacity, int refillPerMinute, long now) {
        if (capacity < 1 || refillPerMinute < 1) {
            throw new IllegalArgumentException("A rate limit needs a capacity and a refill rate of at least one");
        }
        this.nanosPerToken = NANOS_PER_MINUTE / refillPerMinute;
        this.maxCredit = nanosPerToken * capacity;
        this.credit = maxCredit;
        this.lastRefill = now;
    }

    /** Takes a token; returns 0 if there was one, else the nanoseconds until there will be. */
    public synchronized long tryTake(long now) {
        if (now > lastRefill) {
            credit = Math.min(maxCredit, credit + (now - lastRefill));
            lastRefill = now;
        }
        if (credit >= nanosPerToken) {
            credit -= nanosPerToken;
            return 0;
        }
        return nanosPerToken - credit;
    }
}
