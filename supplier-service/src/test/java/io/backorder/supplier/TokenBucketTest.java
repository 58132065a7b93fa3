package io.backorder.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void aBurstIsAllowedThenRequestsWaitForTheRefill() {
        long start = 1_000;
        TokenBucket bucket = new TokenBucket(3, 6, start);

        assertThat(bucket.tryTake(start)).isZero();
        assertThat(bucket.tryTake(start)).isZero();
        assertThat(bucket.tryTake(start)).isZero();
        long wait = bucket.tryTake(start);
        assertThat(wait).isEqualTo(TimeUnit.SECONDS.toNanos(10));

        assertThat(bucket.tryTake(start + wait - 1)).isPositive();
        assertThat(bucket.tryTake(start + wait)).isZero();
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 60, 0);
        long anHourLater = TimeUnit.HOURS.toNanos(1);

        assertThat(bucket.tryTake(anHourLater)).isZero();
        assertThat(bucket.tryTake(anHourLater)).isZero();
        assertThat(bucket.tryTake(anHourLater)).isPositive();
    }
}
