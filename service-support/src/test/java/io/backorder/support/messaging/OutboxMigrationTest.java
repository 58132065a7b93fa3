package io.backorder.support.messaging;

import static io.backorder.support.messaging.MessagingDatabases.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messaging migrations on a real PostgreSQL: an outbox written before batches moves over with nothing lost or
 * reordered, and the batch table refuses deliveries that do not line up.
 */
class OutboxMigrationTest {

    private static MessagingDatabases databases;

    @BeforeAll
    static void startPostgres() {
        databases = new MessagingDatabases();
    }

    @AfterAll
    static void stopPostgres() {
        databases.close();
    }

    @Test
    void rowsOfTheOldOutboxBecomeBatchesOfOneInTheirOrderWithTheirState() throws SQLException {
        String database = databases.fresh();
        databases.migrate(database, "0.1");
        try (Connection db = databases.connect(database); Statement sql = db.createStatement()) {
            sql.execute("""
                    insert into outbox_message (message_id, destination, type, correlation_id, body, sent_at, attempts,
                        last_error)
                    values ('00000000-0000-0000-0000-000000000001', 'backorder.order', 'StockAllocated', 'o-1',
                            '{"n":1}', now(), 1, null),
                        ('00000000-0000-0000-0000-000000000001', 'backorder.insights', 'StockAllocated', 'o-1',
                            '{"n":1}', null, 2, 'refused by the broker'),
                        ('00000000-0000-0000-0000-000000000002', 'backorder.order', 'StockReserved', null,
                            '{"n":2}', null, 0, null)""");
        }

        databases.migrate(database, null);

        try (Connection db = databases.connect(database); Statement sql = db.createStatement()) {
            assertThat(rows(sql, """
                    select deliveries, message_ids[1], destinations[1], types[1], coalesce(correlation_ids[1], '-'),
                        bodies[body_numbers[1]], sent_at is not null, attempts, coalesce(last_error, '-')
                    from outbox_batch order by sequence""")).containsExactly(
                    "1|00000000-0000-0000-0000-000000000001|backorder.order|StockAllocated|o-1|{\"n\":1}|t|1|-",
                    "1|00000000-0000-0000-0000-000000000001|backorder.insights|StockAllocated|o-1|{\"n\":1}|f|2|"
                            + "refused by the broker",
                    "1|00000000-0000-0000-0000-000000000002|backorder.order|StockReserved|-|{\"n\":2}|f|0|-");
            assertThat(rows(sql, "select destination, body from outbox_message where sent_at is null"
                    + " order by sequence, position")).containsExactly("backorder.insights|{\"n\":1}",
                            "backorder.order|{\"n\":2}");
        }
    }

    @Test
    void theViewListsEveryDeliveryOfABatchWithItsOwnBodyInPublishingOrder() throws SQLException {
        String database = databases.migrated();
        try (Connection db = databases.connect(database); Statement sql = db.createStatement()) {
            sql.execute("""
                    insert into outbox_batch (message_ids, destinations, types, correlation_ids, body_numbers, bodies,
                        deliveries)
                    values (array['00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000a',
                            '00000000-0000-0000-0000-00000000000b']::uuid[],
                        array['backorder.order', 'backorder.insights', 'backorder.order'],
                        array['StockAllocated', 'StockAllocated', 'StockAllocated'], array['o-a', 'o-a', 'o-b'],
                        array[1, 1, 2], array['{"line":"a"}', '{"line":"b"}'], 3)""");

            assertThat(rows(sql, "select position, destination, correlation_id, body from outbox_message"
                    + " order by sequence, position")).containsExactly("1|backorder.order|o-a|{\"line\":\"a\"}",
                            "2|backorder.insights|o-a|{\"line\":\"a\"}", "3|backorder.order|o-b|{\"line\":\"b\"}");
        }
    }

    @Test
    void aBatchWhoseDeliveriesDoNotLineUpIsRefused() throws SQLException {
        String database = databases.migrated();
        try (Connection db = databases.connect(database); Statement sql = db.createStatement()) {
            String batch = """
                    insert into outbox_batch (message_ids, destinations, types, correlation_ids, body_numbers, bodies,
                        deliveries)
                    values (array['00000000-0000-0000-0000-00000000000a']::uuid[], %s, array['StockAllocated'],
                        array['o-a'], %s, array['{}'], 1)""";
            // a delivery without a destination, and one pointing past the bodies
            assertThatThrownBy(() -> sql.execute(batch.formatted("array['a', 'b']", "array[1]")))
                    .hasMessageContaining("outbox_batch_shape");
            assertThatThrownBy(() -> sql.execute(batch.formatted("array['a']", "array[2]")))
                    .hasMessageContaining("outbox_batch_shape");
            assertThat(rows(sql, "select count(*) from outbox_batch")).containsExactly("0");
        }
    }
}
