package io.backorder.support.messaging;

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

import io.backorder.infra.PostgresCluster;

/** Fresh databases with the shared messaging migrations, on a throwaway PostgreSQL (or BACKORDER_PG_URL). */
final class MessagingDatabases implements AutoCloseable {

    final PostgresCluster cluster = PostgresCluster.fromEnvOrStart(Path.of("target", "pg-" + UUID.randomUUID()), true);

    String fresh() {
        String name = "messaging_" + UUID.randomUUID().toString().replace("-", "");
        cluster.createDatabase(name);
        return name;
    }

    /** A fresh database with every messaging migration. */
    String migrated() {
        String database = fresh();
        migrate(database, null);
        return database;
    }

    /** Runs the shared messaging migrations up to {@code target}, or all of them when it is null. */
    void migrate(String database, String target) {
        var flyway = Flyway.configure()
                .dataSource(cluster.jdbcUrl(database), cluster.superuser(), cluster.password())
                .locations("classpath:db/messaging");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(database), cluster.superuser(), cluster.password());
    }

    /** Each row of the query's result as its values joined by {@code |}. */
    static List<String> rows(Statement sql, String query) throws SQLException {
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

    @Override
    public void close() {
        cluster.close();
    }
}
