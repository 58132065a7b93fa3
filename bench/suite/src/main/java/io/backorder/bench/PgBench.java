package io.backorder.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.backorder.infra.PostgresCluster;

/**
 * pgbench on the suite's own PostgreSQL, replaying the SQL of the place-order path on a scratch database that holds
 * order-service's schema in {@code o} and inventory-service's in {@code i}, created from the services' own migrations.
 */
final class PgBench {

    static final String DATABASE = "bench_pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /** {@code failed}: transactions pgbench logged as failed (deadlock or serialization failure). */
    record Result(double tps, Latencies latencies, long transactions, long failed) {
    }

    private final PostgresCluster postgres;
    private final Path root;
    private final Path workDir;

    PgBench(PostgresCluster postgres, Path root, Path workDir) {
        this.postgres = postgres;
        this.root = root;
        this.workDir = workDir;
    }

    /** Creates the scratch database with both schemas and stock for {@code skus} SKUs named PO-0 .. PO-(n-1). */
    void prepare(int skus) {
        postgres.createDatabase(DATABASE);
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.superuser(),
                postgres.password()); Statement sql = connection.createStatement()) {
            sql.execute(
                    "drop schema if exists o cascade; drop schema if exists i cascade; create schema o; create schema i;"
                            + " create extension if not exists pgcrypto");
            migrate(sql, "o", List.of("service-support/src/main/resources/db/messaging",
                    "order-service/src/main/resources/db/migration"));
            migrate(sql, "i", List.of("service-support/src/main/resources/db/messaging",
                    "inventory-service/src/main/resources/db/migration"));
            sql.execute("set search_path = i; insert into location (id, name) values ('bench', 'Bench');"
                    + " insert into sku (sku, name, backorder_policy) select 'PO-' || n, 'Bench ' || n, 'ALLOW'"
                    + " from generate_series(0, " + (skus - 1) + ") n;"
                    + " insert into stock (sku, location_id, on_hand) select sku, 'bench', 1000000000 from sku");
        } catch (SQLException e) {
            throw new IllegalStateException("Preparing the pgbench database failed: " + e.getMessage(), e);
        }
    }

    private void migrate(Statement sql, String schema, List<String> folders) throws SQLException {
        sql.execute("set search_path = " + schema);
        for (String folder : folders) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".sql"))
                        .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                        .toList()) {
                    sql.execute(Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Result run(Path script, int clients, int seconds, String skew) {
        Path logs = workDir.resolve("pgbench-" + clients + "-" + skew);
        try {
            Files.createDirectories(logs);
            // prepared, like the services: their drivers cache every statement on its connection, so PostgreSQL
            // plans each one a few times per connection, not per execution
            List<String> command = new ArrayList<>(List.of(binary().toString(), "-n", "-M", "prepared",
                    "-h", postgres.host(), "-p", String.valueOf(postgres.port()), "-U", postgres.superuser(),
                    "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                    "-D", "hot=" + ("hot".equals(skew) ? 80 : 0), "-l", "--log-prefix=" + logs.resolve("tx"),
                    "-f", script.toString(), DATABASE));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("No tps in pgbench output:\n" + output);
            }
            Latencies latencies = new Latencies();
            long transactions = 0;
            long failed = 0;
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    for (String line : Files.readAllLines(file)) {
                        String[] fields = line.split(" ");
                        if ("failed".equals(fields[2])) {
                            failed++;
                            continue;
                        }
                        latencies.add(Long.parseLong(fields[2]) * 1000);
                        transactions++;
                    }
                }
            }
            return new Result(Double.parseDouble(tps.group(1)), latencies, transactions, failed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path binary() throws IOException {
        String configured = System.getenv("BACKORDER_PG_BIN");
        if (configured != null) {
            return Path.of(configured, "pgbench");
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin").resolve("pgbench"))
                    .filter(Files::isExecutable)
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("No pgbench under /usr/lib/postgresql"));
        }
    }
}
