package io.backorder.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.backorder.infra.PostgresCluster;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh database for the application under test, on a throwaway PostgreSQL cluster started from the installed
 * binaries (one cluster per test JVM, data under {@code target/}), or on the server named by {@code BACKORDER_PG_URL}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresCluster cluster;
    private String database;

    static synchronized PostgresCluster cluster() {
        if (cluster == null) {
            cluster = PostgresCluster.fromEnvOrStart(Path.of("target", "pg-" + UUID.randomUUID()), true);
        }
        return cluster;
    }

    @Override
    public Map<String, String> start() {
        PostgresCluster pg = cluster();
        database = "test_" + UUID.randomUUID().toString().replace("-", "");
        pg.createDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", pg.superuser());
        if (pg.password() != null) {
            config.put("quarkus.datasource.password", pg.password());
        }
        config.put("quarkus.datasource.reactive.url", pg.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        return config;
    }

    @Override
    public void stop() {
        // The cluster outlives single applications; its shutdown hook and watchdog stop it with the JVM.
    }
}
