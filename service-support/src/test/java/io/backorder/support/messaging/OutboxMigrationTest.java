package io.backorder.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.backorder.infra.PostgresCluster;

/**
 * The messaging migrations on a real PostgreSQL: an outbox written before batches moves over with nothing lost or
 * reordered, and the batch table refuses deliveries that do not line up.
 */
class OutboxMigrationTest {

    private static PostgresCluster cluster;

    @BeforeAll
    static void startPostgres() {
        cluster = PostgresCluster.fromEnvOrStart(Path.of("target", "pg-" + UUID.randomUUID()), true);
    }

    @AfterAll
    static void stopPostgres() {
        cluster.close();
    }

    @Test
    void rowsOfTheOldOutboxBecomeBatchesOfOneInTheirOrderWithTheirState() throws SQLException {
        String database = freshDatabase();
        migrate(database, "0.1");
        try (Connection db = connect(database); Statement sql = db.createStatement()) {
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

        migrate(database, null);

        try (Connection db = connect(database); Statement sql = db.createStatement()) {
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
        String database = freshDatabase();
        migrate(database, null);
        try (Connection db = connect(database); Statement sql = db.createStatement()) {
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
        String database = freshDatabase();
        migrate(database, null);
        try (Connection db = connect(database); Statement sql = db.createStatement()) {
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

    private static String freshDatabase() {
        String name = "outbox_" + UUID.randomUUID().toString().replace("-", "");
        cluster.createDatabase(name);
        return name;
    }

    /** Runs the shared messaging migrations up to {@code target}, or all of them when it is null. */
    private static void migrate(String database, String target) {
        var flyway = Flyway.configure()
                .dataSource(cluster.jdbcUrl(database), cluster.superuser(), cluster.password())
                .locations("classpath:db/messaging");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(database), cluster.superuser(), cluster.password());
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
