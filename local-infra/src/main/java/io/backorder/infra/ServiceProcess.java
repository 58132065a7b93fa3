package io.backorder.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A service running as a separate OS process (normally a built Quarkus application), with its output
 * appended to a log file. The process is stopped when this JVM shuts down normally.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServiceProcess.class);
    private static final String HTTP_PORT_PROPERTY = "quarkus.http.port";
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private static final Duration FORCED_STOP = Duration.ofSeconds(10);
    private static final Duration READY_POLL_INTERVAL = Duration.ofMillis(200);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final List<String> command;
    private final int httpPort;
    private final Path logFile;
    private final File workingDirectory;
    private Process process;
    private Thread shutdownHook;

    private ServiceProcess(String name, List<String> command, int httpPort, Path logFile, File workingDirectory) {
        this.name = name;
        this.command = List.copyOf(command);
        this.httpPort = httpPort;
        this.logFile = logFile.toAbsolutePath();
        this.workingDirectory = workingDirectory;
    }

    /**
     * Runs {@code java -jar quarkusRunJar} from the jar's directory with the given system properties;
     * {@code quarkus.http.port} is set to a free port unless given.
     */
    public static ServiceProcess start(String name, Path quarkusRunJar, Map<String, String> systemProperties,
            Path logFile) {
        if (!Files.isRegularFile(quarkusRunJar)) {
            throw new IllegalStateException("No " + quarkusRunJar + " for " + name + ": build the service first");
        }
        String configuredPort = systemProperties.get(HTTP_PORT_PROPERTY);
        int httpPort = configuredPort != null ? Integer.parseInt(configuredPort) : FreePorts.next();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC"));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (configuredPort == null) {
            command.add("-D" + HTTP_PORT_PROPERTY + "=" + httpPort);
        }
        command.addAll(List.of("-jar", quarkusRunJar.toAbsolutePath().toString()));
        ServiceProcess service = new ServiceProcess(name, command, httpPort, logFile,
                quarkusRunJar.toAbsolutePath().getParent().toFile());
        service.launch();
        return service;
    }

    /** Runs any command that serves HTTP on {@code httpPort} (with a readiness check at /q/health/ready). */
    public static ServiceProcess startCommand(String name, List<String> command, int httpPort, Path logFile) {
        ServiceProcess service = new ServiceProcess(name, command, httpPort, logFile, null);
        service.launch();
        return service;
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public String baseUrl() {
        return "http://" + FreePorts.LOOPBACK + ":" + httpPort;
    }

    public synchronized long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isAlive() {
        return process.isAlive();
    }

    /** Polls {@code /q/health/ready} until it answers 200; false on timeout or when the process ended. */
    public boolean awaitReady(Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                return false;
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            OsProcesses.sleep(READY_POLL_INTERVAL);
        }
        return false;
    }

    /** Like {@link #awaitReady} but throws with the end of the service's log when it does not get ready. */
    public void awaitReadyOrFail(Duration timeout) {
        if (!awaitReady(timeout)) {
            String state = isAlive() ? "is not ready after " + timeout : "exited with code " + exitCode();
            throw new IllegalStateException(
                    name + " " + state + " (" + baseUrl() + "). Log " + logFile + " ends with:\n"
                            + logTail(60));
        }
    }

    public String logTail(int lines) {
        return OsProcesses.tail(logFile, lines);
    }

    /** SIGTERM, so that the service shuts down gracefully; SIGKILL when it takes longer than 20 s. */
    public synchronized void stop() {
        terminate(process);
        removeShutdownHook();
    }

    /** SIGKILL, as a crash would end the service. */
    public synchronized void kill() {
        process.destroyForcibly();
        awaitExit(process, FORCED_STOP);
        removeShutdownHook();
    }

    /** Stops the process if it still runs and starts the same command again, on the same port. */
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " at " + baseUrl();
    }

    private synchronized void launch() {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "----- " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .directory(workingDirectory)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " with " + String.join(" ", command), e);
        }
        Process started = process;
        shutdownHook = new Thread(() -> terminate(started), "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        LOG.infof("Started %s (pid %d) on port %d, log %s", name, started.pid(), httpPort, logFile);
    }

    private synchronized int exitCode() {
        return process.exitValue();
    }

    private void removeShutdownHook() {
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook runs anyway and does the same
        }
        shutdownHook = null;
    }

    private static void terminate(Process process) {
        process.destroy();
        if (!awaitExit(process, GRACEFUL_STOP)) {
            LOG.warnf("Process %d did not stop within %s after SIGTERM; killing it", process.pid(), GRACEFUL_STOP);
            process.destroyForcibly();
            awaitExit(process, FORCED_STOP);
        }
    }

    private static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
