package io.backorder.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * A PostgreSQL server for tests and the local stack: either a cluster started from the installed
 * binaries (throwaway or persistent), or an already running server named by {@value #ENV_URL}.
 */
public final class PostgresCluster implements AutoCloseable {

    /** Directory holding {@code initdb} and {@code pg_ctl}; default: the newest {@code /usr/lib/postgresql/N/bin}. */
    public static final String ENV_BIN = "BACKORDER_PG_BIN";
    /** {@code postgresql://user[:password]@host:port} of a running server to use instead of starting one. */
    public static final String ENV_URL = "BACKORDER_PG_URL";

    private static final Logger LOG = Logger.getLogger(PostgresCluster.class);
    private static final String SUPERUSER = "postgres";
    private static final Path DEBIAN_INSTALL_ROOT = Path.of("/usr/lib/postgresql");
    private static final int START_ATTEMPTS = 5;
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    /** A unix socket path must fit in sun_path (108 bytes) including "/.s.PGSQL.NNNNN". */
    private static final int MAX_SOCKET_DIR_LENGTH = 80;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LEFTOVER_SERVER_WAIT = Duration.ofSeconds(5);

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Server server;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** What this JVM started and must stop; null for a server somebody else runs. */
    private record Server(Path binDir, Path dataDir, Path socketDir, boolean ownsSocketDir, boolean throwaway,
            boolean asPostgresUser, Process watchdog, Thread shutdownHook) {
    }

    private PostgresCluster(String host, int port, String user, String password, Server server) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.server = server;
    }

    /**
     * Starts a cluster in {@code dataDir}, running {@code initdb} first when the directory holds none.
     * A throwaway cluster trades durability for speed and is deleted on {@link #close()}.
     */
    public static PostgresCluster start(Path dataDir, boolean throwaway) {
        Path binDir = locateBinaries();
        Path dir = dataDir.toAbsolutePath().normalize();
        boolean asPostgresUser = OsProcesses.isRoot();
        createDirectories(dir);
        if (asPostgresUser) {
            grantTraversalOfAncestors(dir);
            chownToPostgres(dir);
        }
        if (!Files.exists(dir.resolve("PG_VERSION"))) {
            initdb(binDir, dir, asPostgresUser);
        }
        requireNoServerRunning(binDir, dir, asPostgresUser);

        boolean ownsSocketDir = dir.toString().length() > MAX_SOCKET_DIR_LENGTH;
        Path socketDir = ownsSocketDir ? createShortSocketDir(asPostgresUser) : dir;

        List<Path> deleteAfterStop = new ArrayList<>();
        if (throwaway) {
            deleteAfterStop.add(dir);
        }
        if (ownsSocketDir) {
            deleteAfterStop.add(socketDir);
        }
        Process watchdog = startWatchdog(binDir, dir, deleteAfterStop, asPostgresUser);
        Server server = new Server(binDir, dir, socketDir, ownsSocketDir, throwaway, asPostgresUser, watchdog,
                new Thread(() -> stopAndCleanUp(binDir, dir, socketDir, ownsSocketDir, throwaway, asPostgresUser),
                        "postgres-shutdown-" + dir.getFileName()));
        try {
            int port = startServer(server);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook());
            LOG.infof("PostgreSQL started on 127.0.0.1:%d with data in %s%s", port, dir,
                    throwaway ? " (throwaway)" : "");
            return new PostgresCluster(FreePorts.LOOPBACK, port, SUPERUSER, null, server);
        } catch (RuntimeException e) {
            endWatchdog(watchdog);
            if (ownsSocketDir) {
                OsProcesses.deleteRecursively(socketDir);
            }
            throw e;
        }
    }

    /** Wraps a server somebody else runs: nothing is started, {@link #close()} does nothing. */
    public static PostgresCluster existing(String host, int port, String user, String password) {
        return new PostgresCluster(host, port, user, password, null);
    }

    /** Uses the server named by {@value #ENV_URL} when that is set, else starts a cluster in {@code dataDir}. */
    public static PostgresCluster fromEnvOrStart(Path dataDir, boolean throwaway) {
        String url = System.getenv(ENV_URL);
        if (url != null && !url.isBlank()) {
            return fromUrl(url.strip());
        }
        return start(dataDir, throwaway);
    }

    /** Parses {@code postgresql://user[:password]@host[:port]}; user defaults to postgres, port to 5432. */
    static PostgresCluster fromUrl(String url) {
        URI uri = URI.create(url);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Expected postgresql://user[:password]@host:port but got " + url);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("No host in " + url);
        }
        String userInfo = uri.getRawUserInfo();
        String user = SUPERUSER;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return existing(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    public String superuser() {
        return user;
    }

    /** The password for {@link #superuser()}, or null when the server trusts local connections. */
    public String password() {
        return password;
    }

    public String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    public String reactiveUrl(String db) {
        return "postgresql://" + host + ":" + port + "/" + db;
    }

    /** False when this wraps a server somebody else runs (see {@link #existing}). */
    public boolean managed() {
        return server != null;
    }

    public Path dataDir() {
        return requireManaged().dataDir();
    }

    /**
     * The postmaster's PID: from the PID file of a cluster this JVM runs, otherwise the parent of a backend serving
     * this JVM, which needs the server to run on this machine.
     */
    public long postmasterPid() {
        if (server == null) {
            return parentOfOwnBackend();
        }
        Path pidFile = server.dataDir().resolve("postmaster.pid");
        try (Stream<String> lines = Files.lines(pidFile)) {
            return Long.parseLong(lines.findFirst().orElseThrow().strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pidFile, e);
        }
    }

    private long parentOfOwnBackend() {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet backend = statement.executeQuery("SELECT pg_backend_pid()")) {
            backend.next();
            return ProcessHandle.of(backend.getLong(1))
                    .flatMap(ProcessHandle::parent)
                    .map(ProcessHandle::pid)
                    .orElseThrow(() -> new IllegalStateException(this + " does not run on this machine"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot ask " + this + " for its backend", e);
        }
    }

    public void createDatabase(String name) {
        try (Connection connection = connect("postgres");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + quoteIdentifier(name));
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: a concurrent caller was faster
                throw new IllegalStateException("Cannot create database " + name + " on " + this, e);
            }
        }
    }

    public void dropDatabase(String name) {
        try (Connection connection = connect("postgres"); Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + quoteIdentifier(name) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop database " + name + " on " + this, e);
        }
    }

    /** Stops a cluster this JVM started (and deletes a throwaway one); does nothing for an existing server. */
    @Override
    public void close() {
        if (server == null || !closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(server.shutdownHook());
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running or about to run and does the same
        }
        stopAndCleanUp(server.binDir(), server.dataDir(), server.socketDir(), server.ownsSocketDir(),
                server.throwaway(), server.asPostgresUser());
        endWatchdog(server.watchdog());
    }

    @Override
    public String toString() {
        return "PostgreSQL at " + host + ":" + port + (server == null ? "" : " (data in " + server.dataDir() + ")");
    }

    private Connection connect(String db) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl(db), properties);
    }

    private Server requireManaged() {
        if (server == null) {
            throw new IllegalStateException(this + " is not run by this JVM");
        }
        return server;
    }

    private static int startServer(Server server) {
        String lastFailure = "";
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = FreePorts.next();
            OsProcesses.Result result = OsProcesses.run(
                    asUser(server.asPostgresUser(), List.of(pgCtl(server.binDir()), "start", "-D",
                            server.dataDir().toString(), "-w", "-t", String.valueOf(START_WAIT.toSeconds()), "-l",
                            serverLog(server.dataDir()).toString(), "-o", serverOptions(server, port))),
                    START_WAIT.plusSeconds(30));
            if (result.succeeded()) {
                return port;
            }
            lastFailure = result.output();
            LOG.warnf("PostgreSQL start attempt %d of %d in %s failed (port %d): %s", attempt, START_ATTEMPTS,
                    server.dataDir(), port, lastFailure.strip());
            stopLeftoverServer(server.binDir(), server.dataDir(), server.asPostgresUser());
            // a postmaster killed moments ago leaves backends behind that hold its shared memory
            OsProcesses.sleep(Duration.ofMillis(500L * attempt));
        }
        throw new IllegalStateException("PostgreSQL did not start in " + server.dataDir() + " after " + START_ATTEMPTS
                + " attempts. Last pg_ctl output:\n" + lastFailure + "\nServer log tail:\n"
                + OsProcesses.tail(serverLog(server.dataDir()), 40));
    }

    private static String serverOptions(Server server, int port) {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-k",
                OsProcesses.shellQuote(server.socketDir().toString()), "-c", "listen_addresses=" + FreePorts.LOOPBACK,
                "-c", "max_connections=300"));
        if (server.throwaway()) {
            options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        return String.join(" ", options);
    }

    private static void initdb(Path binDir, Path dataDir, boolean asPostgresUser) {
        LOG.infof("Creating PostgreSQL cluster in %s", dataDir);
        OsProcesses.runOrThrow(asUser(asPostgresUser, List.of(binDir.resolve("initdb").toString(), "-D",
                dataDir.toString(), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--locale=C")), COMMAND_TIMEOUT);
    }

    /**
     * Another JVM may be using the data dir (a second local stack), so its server is not ours to stop.
     * The watchdog of a JVM killed a moment ago needs a second or two to stop its server: wait for that.
     */
    private static void requireNoServerRunning(Path binDir, Path dataDir, boolean asPostgresUser) {
        long deadline = System.nanoTime() + LEFTOVER_SERVER_WAIT.toNanos();
        while (isRunning(binDir, dataDir, asPostgresUser)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("A PostgreSQL server already runs in " + dataDir
                        + ": stop whatever started it, or run: pg_ctl stop -D " + dataDir);
            }
            OsProcesses.sleep(Duration.ofMillis(250));
        }
    }

    /** Stops a server that our own failed start attempt may have left running. */
    private static void stopLeftoverServer(Path binDir, Path dataDir, boolean asPostgresUser) {
        if (isRunning(binDir, dataDir, asPostgresUser)) {
            stopServer(binDir, dataDir, asPostgresUser);
        }
    }

    private static boolean isRunning(Path binDir, Path dataDir, boolean asPostgresUser) {
        return OsProcesses.run(asUser(asPostgresUser, List.of(pgCtl(binDir), "status", "-D", dataDir.toString())),
                COMMAND_TIMEOUT).succeeded();
    }

    private static void stopAndCleanUp(Path binDir, Path dataDir, Path socketDir, boolean ownsSocketDir,
            boolean throwaway, boolean asPostgresUser) {
        stopServer(binDir, dataDir, asPostgresUser);
        if (throwaway) {
            OsProcesses.deleteRecursively(dataDir);
        }
        if (ownsSocketDir) {
            OsProcesses.deleteRecursively(socketDir);
        }
    }

    private static void stopServer(Path binDir, Path dataDir, boolean asPostgresUser) {
        if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
            return;
        }
        for (String mode : List.of("fast", "immediate")) {
            OsProcesses.Result result = OsProcesses.run(asUser(asPostgresUser,
                    List.of(pgCtl(binDir), "stop", "-D", dataDir.toString(), "-m", mode, "-w", "-t", "30")),
                    Duration.ofSeconds(45));
            if (result.succeeded()) {
                return;
            }
            LOG.warnf("pg_ctl stop -m %s failed for %s: %s", mode, dataDir, result.output().strip());
        }
    }

    /**
     * A shutdown hook does not run when the JVM is killed with SIGKILL; this separate process then
     * stops the server. It runs in its own session so that a signal to the JVM's process group
     * (Ctrl+C, a CI runner killing the group) does not take it down with the JVM.
     */
    private static Process startWatchdog(Path binDir, Path dataDir, List<Path> deleteAfterStop,
            boolean asPostgresUser) {
        String stop = OsProcesses.shellCommand(asUser(asPostgresUser,
                List.of(pgCtl(binDir), "stop", "-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "30")));
        StringBuilder script = new StringBuilder("while kill -0 " + ProcessHandle.current().pid()
                + " 2>/dev/null; do sleep 1; done; " + stop);
        for (Path path : deleteAfterStop) {
            script.append("; rm -rf ").append(OsProcesses.shellQuote(path.toString()));
        }
        try {
            return new ProcessBuilder("setsid", "sh", "-c", script.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the PostgreSQL watchdog", e);
        }
    }

    private static void endWatchdog(Process watchdog) {
        watchdog.destroy();
        try {
            if (!watchdog.waitFor(5, TimeUnit.SECONDS)) {
                watchdog.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watchdog.destroyForcibly();
        }
    }

    private static List<String> asUser(boolean asPostgresUser, List<String> command) {
        if (!asPostgresUser) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SUPERUSER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static Path locateBinaries() {
        String configured = System.getenv(ENV_BIN);
        if (configured != null && !configured.isBlank()) {
            Path binDir = Path.of(configured.strip());
            if (!Files.isExecutable(binDir.resolve("pg_ctl"))) {
                throw new IllegalStateException(ENV_BIN + "=" + configured + " holds no pg_ctl");
            }
            return binDir;
        }
        try (Stream<Path> versions = Files.list(DEBIAN_INSTALL_ROOT)) {
            return versions.filter(dir -> dir.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .map(dir -> dir.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator
                            .comparingDouble(bin -> Double.parseDouble(bin.getParent().getFileName().toString())))
                    .orElseThrow(() -> noBinaries(null));
        } catch (IOException e) {
            throw noBinaries(e);
        }
    }

    private static IllegalStateException noBinaries(Exception cause) {
        return new IllegalStateException("No PostgreSQL binaries under " + DEBIAN_INSTALL_ROOT + "/*/bin: install "
                + "PostgreSQL, set " + ENV_BIN + " to a directory with initdb and pg_ctl, or set " + ENV_URL, cause);
    }

    private static String pgCtl(Path binDir) {
        return binDir.resolve("pg_ctl").toString();
    }

    private static Path serverLog(Path dataDir) {
        return dataDir.resolve("server.log");
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /** The postgres user must be able to walk down to the data dir; JUnit's temp dirs, for one, are 0700. */
    private static void grantTraversalOfAncestors(Path dir) {
        for (Path ancestor = dir.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(ancestor);
                if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                    LOG.infof("Allowing other users to traverse %s so that the postgres user reaches %s", ancestor,
                            dir);
                    Files.setPosixFilePermissions(ancestor, permissions);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot make " + ancestor + " traversable for the postgres user", e);
            }
        }
    }

    private static void chownToPostgres(Path dir) {
        OsProcesses.runOrThrow(List.of("chown", "-R", SUPERUSER + ":", dir.toString()), COMMAND_TIMEOUT);
    }

    private static Path createShortSocketDir(boolean asPostgresUser) {
        try {
            Path socketDir = Files.createTempDirectory(Path.of("/tmp"), "pg");
            if (asPostgresUser) {
                chownToPostgres(socketDir);
            }
            return socketDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a socket directory under /tmp", e);
        }
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String decode(String urlPart) {
        // URLDecoder decodes form data, where '+' means a space; in a URL's user info it is a plus
        return URLDecoder.decode(urlPart.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
