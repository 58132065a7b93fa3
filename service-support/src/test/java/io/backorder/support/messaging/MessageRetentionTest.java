package io.backorder.support.messaging;

import static io.backorder.support.messaging.MessagingDatabases.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Retention on a real PostgreSQL with the messaging migrations: what is old enough goes, chunk by chunk; what is
 * unsent, recently sent or recently processed stays.
 */
class MessageRetentionTest {

    private record Retention(Duration sent, Duration processed, Duration interval, int chunkSize)
            implements
                MessagingConfig.Retention {
    }

    private static MessagingDatabases databases;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        databases = new MessagingDatabases();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.closeAndAwait();
        databases.close();
    }

    @Test
    void sentBatchesOlderThanTheRetentionGoInChunksAndEverythingElseStays() throws SQLException {
        String database = databases.migrated();
        try (Connection db = databases.connect(database); Statement sql = db.createStatement()) {
            sql.execute(batch("sent long ago 1", "now() - interval '9 days'", "now() - interval '8 days'"));
            sql.execute(batch("sent long ago 2", "now() - interval '9 days'", "now() - interval '8 days'"));
            sql.execute(batch("sent long ago 3", "now() - interval '8 days'", "now() - interval '8 days'"));
            sql.execute(batch("never sent", "now() - interval '9 days'", "null"));
            sql.execute(batch("sent after the broker came back", "now() - interval '9 days'", "now()"));
            sql.execute(batch("sent just now", "now()", "now()"));
        }
        MessageRetention retention = retention(database);

        assertThat(retention.forgetSent().await().indefinitely()).isEqualTo(2);
        assertThat(retention.forgetSent().await().indefinitely()).isEqualTo(1);
        assertThat(retention.forgetSent().await().indefinitely()).isZero();

        try (Connection db = databases.connect(database); Statement sql = db.createStatement()) {
            assertThat(rows(sql, "select types[1] from outbox_batch order by sequence")).containsExactly("never sent",
                    "sent after the broker came back", "sent just now");
        }
    }

    @Test
    void processedIdsOlderThanTheRetentionAreForgotten() throws SQLException {
        String database = databases.migrated();
        try (Connection db = databases.connect(database); Statement sql = db.createStatement()) {
            sql.execute("""
                    insert into processed_message (message_id, type, processed_at)
                    values ('00000000-0000-0000-0000-000000000001', 'forgotten', now() - interval '31 days'),
                        ('00000000-0000-0000-0000-000000000002', 'remembered', now() - interval '29 days'),
                        ('00000000-0000-0000-0000-000000000003', 'remembered', now())""");
        }

        assertThat(retention(database).forgetProcessed().await().indefinitely()).isEqualTo(1);

        try (Connection db = databases.connect(database); Statement sql = db.createStatement()) {
            assertThat(rows(sql, "select type from processed_message")).containsExactly("remembered", "remembered");
        }
    }

    private MessageRetention retention(String database) {
        PgConnectOptions options = new PgConnectOptions().setHost(databases.cluster.host())
                .setPort(databases.cluster.port())
                .setDatabase(database)
                .setUser(databases.cluster.superuser());
        if (databases.cluster.password() != null) {
            options.setPassword(databases.cluster.password());
        }
        Pool pool = Pool.newInstance(PgBuilder.pool().connectingTo(options).using(vertx.getDelegate()).build());
        return new MessageRetention(pool,
                new Retention(Duration.ofDays(7), Duration.ofDays(30), Duration.ofHours(1), 2),
                null);
    }

    /** A batch of one delivery whose type names it, created and sent at the given SQL times. */
    private static String batch(String name, String createdAt, String sentAt) {
        return """
                insert into outbox_batch (message_ids, destinations, types, correlation_ids, body_numbers, bodies,
                    deliveries, created_at, sent_at)
                values (array[gen_random_uuid()], array['backorder.order'], array['%s'], array['o-1'], array[1],
                    array['{}'], 1, %s, %s)""".formatted(name, createdAt, sentAt);
    }
}
