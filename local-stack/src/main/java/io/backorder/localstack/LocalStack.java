package io.backorder.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/local-stack.jar}: the whole suite on this machine with demo data, until
 * Ctrl-C or SIGTERM, which stop everything it started. Data survives restarts in {@code .local-stack/}. Set
 * {@code BACKORDER_PG_URL} (e.g. {@code postgresql://postgres@127.0.0.1:5432}) to use an existing PostgreSQL.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant begin = Instant.now();
        Path root = projectRoot();
        Path dataDir = root.resolve(".local-stack");
        Suite suite = Suite.start(new SuiteOptions(root, dataDir, true, true, 1, Map.of()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the Backorder Suite...");
            suite.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        boolean loaded = new DemoData(suite).loadOnce(dataDir);
        printBanner(suite, dataDir, loaded, Duration.between(begin, Instant.now()));
        stopped.await();
    }

    private static void printBanner(Suite suite, Path dataDir, boolean demoDataLoaded, Duration startup) {
        StringBuilder out = new StringBuilder();
        out.append("\nBackorder Suite is running (ready in ").append(startup.toSeconds()).append(" s).\n\n");
        for (SuiteService service : SuiteService.values()) {
            String base = suite.baseUrl(service);
            out.append(String.format("  %-21s %s   Swagger UI: %s/q/swagger-ui%n", service.module(), base, base));
        }
        out.append(String.format("  %-21s %s/board (log in with the operator token)%n", "operator board",
                suite.baseUrl(SuiteService.INSIGHTS)));
        out.append(String.format("  %-21s %s%n", "mail catcher", suite.mail().httpUrl()));
        out.append(String.format("  %-21s 127.0.0.1:%d (AMQP 1.0)%n", "broker", suite.broker().amqpPort()));
        out.append(String.format("  %-21s 127.0.0.1:%d%n", "postgresql", suite.postgres().port()));
        out.append("\nDev tokens (12 h), use as 'Authorization: Bearer <token>':\n");
        out.append("  platform: ").append(suite.keys().platformToken()).append('\n');
        out.append("  operator: ").append(suite.keys().operatorToken()).append('\n');
        out.append("  supplier (ACME): ").append(suite.keys().supplierToken("ACME")).append('\n');
        out.append("\nDemo data ")
                .append(demoDataLoaded ? "loaded" : "already present")
                .append("; data and logs in ")
                .append(dataDir)
                .append("\nPress Ctrl-C to stop everything.\n");
        System.out.println(out);
    }

    /** The checkout: the working directory or one of its parents holding the suite's pom.xml and mvnw. */
    public static Path projectRoot() {
        Path dir = Path.of(System.getProperty("backorder.home", "")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("contracts"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Run the local stack from the Backorder Suite checkout (found no mvnw above "
                + dir + ")");
    }
}
