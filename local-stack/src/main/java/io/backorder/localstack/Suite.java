package io.backorder.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;

import io.backorder.infra.DevKeys;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.infra.FreePorts;
import io.backorder.infra.MailCatcher;
import io.backorder.infra.PostgresCluster;
import io.backorder.infra.ServiceProcess;

/**
 * The whole suite on one machine: PostgreSQL with a database per service, an embedded Artemis broker, an SMTP
 * catcher, and every service as its own OS process configured to them. Used by the local stack and by the system
 * tests, so that the tests run the suite the way a user does.
 */
public final class Suite implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Suite.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /*
     * Ten JVMs booting together on a two-core machine starve each other past any sensible timeout; booting in waves
     * of one per core takes about as long in total and each wave gets ready in its own time.
     */
    private static final int BOOTING_AT_ONCE = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final SuiteOptions options;
    private final PostgresCluster postgres;
    private final EmbeddedBroker broker;
    private final MailCatcher mail;
    private final DevKeys keys;
    private final Path publicKeyFile;
    private final Map<SuiteService, List<ServiceProcess>> processes = new EnumMap<>(SuiteService.class);
    private final String formSecret;
    private String notificationBaseUrl;

    private Suite(SuiteOptions options, PostgresCluster postgres, EmbeddedBroker broker, MailCatcher mail,
            DevKeys keys, Path publicKeyFile) {
        this.options = options;
        this.postgres = postgres;
        this.broker = broker;
        this.mail = mail;
        this.keys = keys;
        this.publicKeyFile = publicKeyFile;
        this.formSecret = secret(options.dataDir().toAbsolutePath().resolve("keys").resolve("form-secret"));
    }

    /** A random secret kept in the data directory, so that restarts keep earlier customer pages' forms valid. */
    private static String secret(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Suite start(SuiteOptions options) {
        Path dataDir = options.dataDir().toAbsolutePath();
        createDirectories(dataDir.resolve("logs"));
        PostgresCluster postgres = PostgresCluster.fromEnvOrStart(dataDir.resolve("postgres"), !options.persistent());
        EmbeddedBroker broker = null;
        MailCatcher mail = null;
        try {
            for (SuiteService service : SuiteService.values()) {
                postgres.createDatabase(service.database());
            }
            // Persistent even in tests: a broker outage must not lose the messages it had accepted.
            broker = EmbeddedBroker.start(dataDir.resolve("artemis"), true);
            mail = MailCatcher.start();
            DevKeys keys = DevKeys.loadOrCreate(dataDir.resolve("keys"));
            Suite suite = new Suite(options, postgres, broker, mail, keys,
                    keys.publicKeyFile(dataDir.resolve("keys")));
            suite.startServices();
            return suite;
        } catch (RuntimeException e) {
            closeQuietly(mail);
            closeQuietly(broker);
            closeQuietly(postgres);
            throw e;
        }
    }

    private void startServices() {
        try {
            List<ServiceProcess> booting = new ArrayList<>();
            for (SuiteService service : SuiteService.values()) {
                List<ServiceProcess> replicas = new ArrayList<>();
                processes.put(service, replicas);
                for (int replica = 0; replica < options.replicas(); replica++) {
                    ServiceProcess process = launch(service, replica);
                    replicas.add(process);
                    booting.add(process);
                    if (booting.size() == BOOTING_AT_ONCE) {
                        awaitAllReady(booting);
                        booting.clear();
                    }
                }
            }
            awaitAllReady(booting);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static void awaitAllReady(List<ServiceProcess> booting) {
        CompletableFuture.allOf(booting.stream()
                .map(process -> CompletableFuture.runAsync(() -> process.awaitReadyOrFail(READY_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private ServiceProcess launch(SuiteService service, int replica) {
        String name = options.replicas() == 1 ? service.module() : service.module() + "-" + replica;
        Map<String, String> properties = new HashMap<>(serviceProperties(service));
        int port = port(service, replica);
        properties.put("quarkus.http.port", String.valueOf(port));
        if (service == SuiteService.NOTIFICATION) {
            // Links in emails point at the first replica; every replica must sign forms with the same secret.
            String pageBase = replica == 0 ? "http://localhost:" + port : notificationBaseUrl;
            notificationBaseUrl = pageBase;
            properties.put("backorder.notification.links.base-url", pageBase);
            properties.put("backorder.notification.links.form-secret", formSecret);
            properties.put("quarkus.mailer.host", "127.0.0.1");
            properties.put("quarkus.mailer.port", String.valueOf(mail.smtpPort()));
            properties.put("quarkus.mailer.mock", "false");
            properties.put("quarkus.mailer.start-tls", "DISABLED");
        }
        if (service == SuiteService.INSIGHTS) {
            // The local stack serves the board over plain HTTP; a Secure cookie would never come back.
            properties.put("insights.board.secure-cookies", "false");
        }
        properties.putAll(options.extraProperties());
        return ServiceProcess.start(name, service.runnerJar(options.projectRoot()), properties,
                options.dataDir().toAbsolutePath().resolve("logs").resolve(name + ".log"));
    }

    private int port(SuiteService service, int replica) {
        if (options.preferDefaultPorts() && replica == 0 && isFree(service.defaultPort())) {
            return service.defaultPort();
        }
        return FreePorts.next();
    }

    /** Everything a service needs to find the suite's infrastructure. */
    private Map<String, String> serviceProperties(SuiteService service) {
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(service.database()));
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.database()));
        properties.put("quarkus.datasource.username", postgres.superuser());
        if (postgres.password() != null) {
            properties.put("quarkus.datasource.password", postgres.password());
        }
        properties.put("amqp-host", broker.host());
        properties.put("amqp-port", String.valueOf(broker.amqpPort()));
        properties.put("mp.jwt.verify.publickey.location", publicKeyFile.toUri().toString());
        properties.put("quarkus.log.console.json.enabled", "false");
        return properties;
    }

    public String baseUrl(SuiteService service) {
        return processes.get(service).get(0).baseUrl();
    }

    public List<ServiceProcess> processes(SuiteService service) {
        return List.copyOf(processes.get(service));
    }

    public PostgresCluster postgres() {
        return postgres;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public MailCatcher mail() {
        return mail;
    }

    public DevKeys keys() {
        return keys;
    }

    @Override
    public void close() {
        processes.values().stream().flatMap(List::stream).parallel().forEach(Suite::closeQuietly);
        closeQuietly(mail);
        closeQuietly(broker);
        closeQuietly(postgres);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warnf("Stopping %s failed: %s", closeable, e.getMessage());
        }
    }
}
