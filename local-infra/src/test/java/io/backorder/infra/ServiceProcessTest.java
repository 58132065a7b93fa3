package io.backorder.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path tempDir;

    @Test
    void commandIsStartedStoppedRestartedAndKilled() throws Exception {
        int port = FreePorts.next();
        Path log = tempDir.resolve("logs/stub.log");
        try (ServiceProcess service = ServiceProcess.startCommand("stub", stubCommand(port), port, log)) {
            assertTrue(service.awaitReady(READY_TIMEOUT));
            assertEquals("http://127.0.0.1:" + port, service.baseUrl());
            assertEquals(200, status(service.baseUrl() + "/q/health/ready"));
            long firstPid = service.pid();

            service.stop();
            assertFalse(service.isAlive());
            assertFalse(service.awaitReady(Duration.ofSeconds(1)));

            service.restart();
            assertTrue(service.awaitReady(READY_TIMEOUT));
            assertEquals(port, service.httpPort());
            assertNotEquals(firstPid, service.pid());

            long restartedPid = service.pid();
            service.kill();
            assertFalse(service.isAlive());
            assertFalse(ProcessHandle.of(restartedPid).map(ProcessHandle::isAlive).orElse(false));
        }
        String output = Files.readString(log);
        assertEquals(2, output.lines().filter(line -> line.startsWith("HealthStub listening on " + port)).count(),
                output);
    }

    @Test
    void jarRunsWithSystemPropertiesAndAFreePort() throws Exception {
        Path jar = stubJar();
        try (ServiceProcess service = ServiceProcess.start("jar-stub", jar, Map.of("greeting", "hello"),
                tempDir.resolve("jar-stub.log"))) {
            assertTrue(service.awaitReady(READY_TIMEOUT), service.logTail(20));
            HttpResponse<String> ready = get(service.baseUrl() + "/q/health/ready");
            assertTrue(ready.body().contains("\"greeting\":\"hello\""), ready.body());
        }
    }

    @Test
    void processThatExitsIsReportedWithItsLog() {
        // without quarkus.http.port the stub prints a complaint and exits
        List<String> command = List.of(javaBinary(), "-cp", testClasses(), HealthStub.class.getName());
        try (ServiceProcess service = ServiceProcess.startCommand("broken", command, FreePorts.next(),
                tempDir.resolve("broken.log"))) {
            long started = System.nanoTime();
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> service.awaitReadyOrFail(READY_TIMEOUT));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
            assertTrue(failure.getMessage().contains("exited with code 2"), failure.getMessage());
            assertTrue(failure.getMessage().contains("no quarkus.http.port given"), failure.getMessage());
        }
    }

    private static List<String> stubCommand(int port) {
        return List.of(javaBinary(), "-Dquarkus.http.port=" + port, "-cp", testClasses(), HealthStub.class.getName());
    }

    private Path stubJar() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HealthStub.class.getName());
        Path jar = tempDir.resolve("quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        String classFile = HealthStub.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(classFile));
            try (OutputStream entry = out) {
                Files.copy(Path.of(testClasses()).resolve(classFile), entry);
            }
        }
        return jar;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClasses() {
        try {
            return Path.of(HealthStub.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(String url) throws Exception {
        return get(url).statusCode();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newBuilder()
                .proxy(HttpClient.Builder.NO_PROXY)
                .build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
