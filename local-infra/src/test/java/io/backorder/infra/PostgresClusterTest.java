package io.backorder.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresClusterTest {

    @TempDir
    Path tempDir;

    @Test
    void throwawayClusterServesDatabasesAndDisappearsOnClose() throws SQLException {
        // long enough that the unix socket cannot live in the data dir
        Path dataDir = tempDir.resolve("a-data-directory-whose-path-is-too-long-for-a-unix-socket-" + "x".repeat(40));
        long postmasterPid;
        try (PostgresCluster cluster = PostgresCluster.start(dataDir, true)) {
            postmasterPid = cluster.postmasterPid();
            assertTrue(ProcessHandle.of(postmasterPid).isPresent());
            assertEquals("127.0.0.1", cluster.host());
            assertEquals("postgres", cluster.superuser());
            assertNull(cluster.password());
            assertEquals("postgresql://127.0.0.1:" + cluster.port() + "/orders", cluster.reactiveUrl("orders"));
            assertEquals(1, watchdogsFor(dataDir).size());

            cluster.createDatabase("orders");
            cluster.createDatabase("orders");
            try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl("orders"), "postgres", null);
                    Statement statement = connection.createStatement()) {
                assertEquals("off", singleValue(statement, "SHOW fsync"));
                assertEquals("300", singleValue(statement, "SHOW max_connections"));
                assertEquals("127.0.0.1", singleValue(statement, "SHOW listen_addresses"));
            }

            // a server somebody else runs: usable, but closing the wrapper leaves it running
            try (PostgresCluster existing = PostgresCluster.existing("127.0.0.1", cluster.port(), "postgres", null)) {
                assertFalse(existing.managed());
                assertEquals(postmasterPid, existing.postmasterPid());
                existing.createDatabase("Mixed Case");
            }
            assertTrue(databaseExists(cluster, "Mixed Case"));

            cluster.dropDatabase("orders");
            assertFalse(databaseExists(cluster, "orders"));
        }
        assertFalse(Files.exists(dataDir));
        assertTrue(awaitGone(postmasterPid, Duration.ofSeconds(10)));
        assertTrue(watchdogsFor(dataDir).isEmpty(), "watchdog ended");
    }

    @Test
    void persistentClusterKeepsDataAcrossRestarts() throws SQLException {
        Path dataDir = tempDir.resolve("persistent");
        try (PostgresCluster cluster = PostgresCluster.start(dataDir, false)) {
            try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl("postgres"), "postgres", null);
                    Statement statement = connection.createStatement()) {
                assertEquals("on", singleValue(statement, "SHOW fsync"));
                statement.execute("CREATE TABLE kept (value text)");
                statement.execute("INSERT INTO kept VALUES ('still here')");
            }
            IllegalStateException secondServer = assertThrows(IllegalStateException.class,
                    () -> PostgresCluster.start(dataDir, false));
            assertTrue(secondServer.getMessage().contains("already runs"), secondServer.getMessage());
        }
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")));
        try (PostgresCluster cluster = PostgresCluster.start(dataDir, false)) {
            try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl("postgres"), "postgres", null);
                    Statement statement = connection.createStatement()) {
                assertEquals("still here", singleValue(statement, "SELECT value FROM kept"));
            }
        }
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")));
    }

    @Test
    void watchdogStopsTheServerWhenTheJvmIsKilled() throws Exception {
        Path dataDir = tempDir.resolve("orphan");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ClusterHolder.class.getName(), dataDir.toString())
                .redirectError(tempDir.resolve("holder.log").toFile())
                .start();
        try {
            long postmasterPid = readPostmasterPid(holder);
            assertTrue(ProcessHandle.of(postmasterPid).isPresent());

            holder.destroyForcibly();
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));

            assertTrue(awaitGone(postmasterPid, Duration.ofSeconds(15)), "postmaster stopped by the watchdog");
            assertTrue(awaitDeleted(dataDir, Duration.ofSeconds(10)), "throwaway data deleted by the watchdog");
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void parsesServerUrl() {
        PostgresCluster full = PostgresCluster.fromUrl("postgresql://app:s%3Ac+ret@db.example:6543");
        assertEquals("db.example", full.host());
        assertEquals(6543, full.port());
        assertEquals("app", full.superuser());
        assertEquals("s:c+ret", full.password());
        assertEquals("jdbc:postgresql://db.example:6543/orders", full.jdbcUrl("orders"));

        PostgresCluster minimal = PostgresCluster.fromUrl("postgresql://localhost");
        assertEquals(5432, minimal.port());
        assertEquals("postgres", minimal.superuser());
        assertNull(minimal.password());
    }

    private static long readPostmasterPid(Process holder) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line = out.readLine(); line != null && System.nanoTime() < deadline; line = out.readLine()) {
            if (line.startsWith(ClusterHolder.PID_PREFIX)) {
                return Long.parseLong(line.substring(ClusterHolder.PID_PREFIX.length()).strip());
            }
        }
        throw new AssertionError("The holder JVM did not report a postmaster pid");
    }

    private static List<ProcessHandle> watchdogsFor(Path dataDir) {
        return ProcessHandle.current()
                .children()
                .filter(child -> child.info().commandLine().orElse("").contains(dataDir.toString()))
                .toList();
    }

    private static boolean awaitGone(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            OsProcesses.sleep(Duration.ofMillis(100));
        }
        return true;
    }

    private static boolean awaitDeleted(Path path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.exists(path)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            OsProcesses.sleep(Duration.ofMillis(100));
        }
        return true;
    }

    private static boolean databaseExists(PostgresCluster cluster, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl("postgres"), "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT count(*) FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private static String singleValue(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next());
            String value = rs.getString(1);
            assertNotNull(value);
            return value;
        }
    }
}
