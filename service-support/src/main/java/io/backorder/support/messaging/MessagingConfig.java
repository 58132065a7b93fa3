package io.backorder.support.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "backorder.messaging")
public interface MessagingConfig {

    Outbox outbox();

    Retention retention();

    /** How often gauges that are read from the database (outbox lag, saga states) are refreshed. */
    @WithDefault("15s")
    Duration metricsRefresh();

    interface Outbox {

        /** How often the relay looks for unsent messages when it found none last time. */
        @WithDefault("100ms")
        Duration pollInterval();

        /**
         * Deliveries (a message to one destination) the relay sends per transaction; an outbox batch written larger
         * than this (up to 2,000 deliveries, e.g. the StockAllocated messages of a big receipt) is relayed on its own.
         */
        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for the broker to accept a message before it gives the batch back. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** Off in narrow tests that inspect the outbox table themselves. */
        @WithDefault("true")
        boolean relayEnabled();
    }

    /** How long the messaging tables remember; see {@link MessageRetention}. */
    interface Retention {

        /** An outbox batch the broker accepted is deleted this long after it was sent. */
        @WithDefault("7d")
        Duration sent();

        /**
         * The inbox remembers a processed message's id this long: a copy arriving later is handled again, so this must
         * outlast broker redelivery, outbox resends after a crash and dead-letter replays.
         */
        @WithDefault("30d")
        Duration processed();

        /** How often old rows are looked for. */
        @WithDefault("1h")
        Duration interval();

        /** Rows deleted per statement; a run goes on while it finds full chunks. */
        @WithDefault("10000")
        int chunkSize();
    }
}
