package io.backorder.inventory.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.sun.management.OperatingSystemMXBean;

import io.backorder.inventory.Allocator;
import io.backorder.inventory.PriorityPolicy;
import io.backorder.inventory.WaitingLine;
import io.backorder.inventory.repository.QueueRepository;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.inventory.rest.ReceiptRequest;
import io.backorder.inventory.service.QueueService;
import io.backorder.inventory.service.ReceiptService;
import io.backorder.support.messaging.InboxConsumer;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.ArtemisResource;
import io.backorder.testing.JwtResource;
import io.backorder.testing.PostgresResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The inventory benchmark: the real service (started by the Quarkus test framework on a throwaway PostgreSQL cluster
 * from local-infra) measured in-process, and pgbench replaying the same SQL on the same database. Not a test: it
 * asserts nothing about time and only runs with {@code -Pbench}; see bench/inventory/README.md.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ArtemisResource.class)
@QuarkusTestResource(JwtResource.class)
class InventoryBenchmark {

    private static final String LOCATION = "BENCH-WH";
    private static final PriorityPolicy.Weights WEIGHTS = PriorityPolicy.Weights.DEFAULT;

    @Inject
    InboxConsumer inbox;

    @Inject
    MessageCodec codec;

    @Inject
    ReceiptService receipts;

    @Inject
    QueueService queues;

    @Inject
    QueueRepository queue;

    @Inject
    SkuRepository skus;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    private final List<String> report = new ArrayList<>();

    @Test
    void run() throws Exception {
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 10));
        int repeat = Integer.getInteger("bench.repeat", 5);
        Set<String> parts = Set.of(System.getProperty("bench.parts", "reservations,allocation").split(","));
        Path results = Path.of(System.getProperty("bench.results", "target/bench"));
        Files.createDirectories(results);
        String loadBefore = loadAverage();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, null)) {
            header(db, measure, warmUp, repeat, loadBefore);
            try (Statement statement = db.createStatement()) {
                statement.execute("insert into location (id, name) values ('" + LOCATION + "', 'Bench warehouse')");
            }
            if (parts.contains("reservations")) {
                reservations(db, measure, warmUp, results);
            }
            if (parts.contains("allocation")) {
                allocations(db, repeat);
            }
        }
        report.add("");
        report.add("Load average (1, 5, 15 min) when the run ended: " + loadAverage() + ".");
        String text = String.join("\n", report) + "\n";
        Files.writeString(results.resolve("latest.md"), text);
        Files.writeString(results.resolve("inventory-" + Instant.now().toString().replace(':', '-') + ".md"), text);
        System.out.println("\n" + text);
    }

    private void header(Connection db, Duration measure, Duration warmUp, int repeat, String load)
            throws SQLException {
        String version;
        try (Statement statement = db.createStatement();
                var rows = statement.executeQuery("show server_version")) {
            rows.next();
            version = rows.getString(1);
        }
        report.add("Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on "
                + Runtime.getRuntime().availableProcessors() + " cores, load average (1, 5, 15 min) " + load
                + " at the start; JVM " + System.getProperty("java.version") + " (max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); PostgreSQL " + version
                + ", a throwaway cluster (fsync, synchronous_commit and "
                + "full_page_writes off) shared by service and pgbench. Reservations: " + warmUp.toSeconds()
                + " s warm-up, " + measure.toSeconds() + " s per measurement. Allocation: " + repeat
                + " measured runs per scenario after one warm-up run, each on fresh data.");
    }

    // --- (a) reservations: service and pgbench side by side ---

    private void reservations(Connection db, Duration measure, Duration warmUp, Path results) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("insert into sku (sku, name, backorder_policy, lead_time_days, created_at, "
                    + "updated_at) select 'BENCH-' || i, 'bench item', 'ALLOW', 14, now(), now() "
                    + "from generate_series(0, " + (ReservationLoad.SKUS - 1) + ") i");
            statement.execute("insert into stock (sku, location_id, on_hand, reserved, safety_stock) "
                    + "select sku, '" + LOCATION + "', 1000000000, 0, 0 from sku where sku like 'BENCH-%'");
            statement.execute("analyze");
        }
        ReservationLoad.run(inbox, codec, 8, warmUp);
        String warmedUp = warmUpUntilCompiled();
        URI url = URI.create(jdbcUrl.substring("jdbc:".length()));
        Path pgbench = Path.of(System.getProperty("bench.pgbench", "/usr/lib/postgresql/15/bin/pgbench"));
        Path script = Path.of(System.getProperty("bench.script", "reservation.pgbench.sql")).toAbsolutePath();
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        PgBench.run(pgbench, script, url.getHost(), url.getPort(), user, url.getPath().substring(1), 8, threads,
                Duration.ofSeconds(3), results.resolve("work"));

        report.add("");
        report.add("### Reservation throughput and latency (hot-SKU skew: half of all orders for one SKU)");
        report.add("");
        report.add(warmedUp);
        report.add("");
        report.add("| clients | service tx/s | service p50 | service p99 | pgbench tx/s | pgbench p50 | pgbench p99 "
                + "| service / pgbench |");
        report.add("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int clients : new int[]{8, 16}) {
            ReservationLoad.Result service = ReservationLoad.run(inbox, codec, clients, measure);
            PgBench.Result sql = PgBench.run(pgbench, script, url.getHost(), url.getPort(), user,
                    url.getPath().substring(1), clients, threads, measure, results.resolve("work"));
            if (sql.failed() > 0) {
                throw new IllegalStateException(sql.failed() + " pgbench transactions failed");
            }
            report.add(String.format(Locale.ROOT, "| %d | %.0f | %.1f ms | %.1f ms | %.0f | %.1f ms | %.1f ms | %.2f |",
                    clients, service.perSecond(), service.latencies().percentileMillis(50),
                    service.latencies().percentileMillis(99), sql.perSecond(), sql.latencies().percentileMillis(50),
                    sql.latencies().percentileMillis(99), service.perSecond() / sql.perSecond()));
        }
    }

    /**
     * Reserves in 10 s rounds, 8 and 16 clients in turn, until the JIT compilers spend less than
     * {@code bench.warmup.jit-share} percent (5) of the process's CPU time in a round, for at most
     * {@code bench.warmup.max} seconds (300). The service is measured as it runs in production after a while: after
     * the fixed warm-up alone it was still compiling and reserved at less than half its warm rate (2026-12-01).
     * Compilation time is the compilers' elapsed time, so under contention the share is overstated, never
     * understated. Returns what the warm-up did, for the report.
     */
    private String warmUpUntilCompiled() throws Exception {
        CompilationMXBean compilers = ManagementFactory.getCompilationMXBean();
        OperatingSystemMXBean process = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        double settled = Integer.getInteger("bench.warmup.jit-share", 5) / 100.0;
        Instant begin = Instant.now();
        Instant limit = begin.plusSeconds(Long.getLong("bench.warmup.max", 300));
        double share;
        int rounds = 0;
        do {
            long compiling = compilers.getTotalCompilationTime();
            long cpu = process.getProcessCpuTime();
            ReservationLoad.run(inbox, codec, rounds++ % 2 == 0 ? 8 : 16, Duration.ofSeconds(10));
            share = (compilers.getTotalCompilationTime() - compiling) / ((process.getProcessCpuTime() - cpu) / 1e6);
        } while (share >= settled && Instant.now().isBefore(limit));
        return String.format(Locale.ROOT, "Warm-up after the fixed one: %d rounds of 10 s (%d s), until the JIT "
                + "compilers took %.1f %% of the process's CPU time in a round (%s %.0f %%).", rounds,
                Duration.between(begin, Instant.now()).toSeconds(), 100 * share,
                share < settled ? "below" : "time limit reached before", 100 * settled);
    }

    // --- (b) allocation of a receipt across many waiting lines ---

    private void allocations(Connection db, int repeat) throws Exception {
        report.add("");
        report.add("### Allocating one receipt across waiting lines (receipt transaction, end to end)");
        report.add("");
        report.add("| waiting lines | receipt covers | lines served per run | median | min | max | "
                + "CPU used: event loops + PostgreSQL (median) | of which score, order and allocate in memory | target |");
        report.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        allocation(db, "1,000 lines, 1 SKU", 1, 1000, 1.0, repeat, "< 50 ms");
        allocation(db, "1,000 lines, 1 SKU", 1, 1000, 0.5, repeat, "< 50 ms");
        if (!Boolean.getBoolean("bench.small-only")) {
            allocation(db, "100,000 lines, 100 SKUs", 100, 1000, 1.0, repeat, "< 2 s");
            allocation(db, "100,000 lines, 100 SKUs", 100, 1000, 0.5, repeat, "< 2 s");
        }
    }

    private void allocation(Connection db, String label, int skuCount, int linesPerSku, double coverage, int repeat,
            String target) throws Exception {
        List<Double> endToEnd = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> inMemory = new ArrayList<>();
        CpuMeter meter = new CpuMeter(db);
        List<Integer> served = new ArrayList<>();
        // run 0 warms the JIT up for this shape of data and is not counted
        for (int run = 0; run <= repeat; run++) {
            String prefix = "ALLOC-" + skuCount + "-" + (int) (coverage * 100) + "-" + run;
            Map<String, Integer> delivered = AllocationScenario.create(db, prefix, skuCount, linesPerSku, LOCATION,
                    coverage);
            await(() -> Panache.withTransaction(() -> skus.lockInOrder(delivered.keySet())
                    .chain(locked -> queues.settle(locked, QueueService.Trigger.promisesOnly("bench set-up"),
                            null))));
            double decision = decisionMillis(delivered);
            ReceiptRequest request = new ReceiptRequest(LOCATION, delivered.entrySet()
                    .stream()
                    .map(entry -> new ReceiptRequest.Line(entry.getKey(), entry.getValue(), entry.getKey() + "-PO1"))
                    .toList(), "bench");
            long cpuBefore = meter.nanos();
            long start = System.nanoTime();
            ReceiptService.Outcome outcome = await(() -> receipts.receive(request, null, "bench"));
            double elapsed = (System.nanoTime() - start) / 1e6;
            double cpuUsed = (meter.nanos() - cpuBefore) / 1e6;
            if (run > 0) {
                endToEnd.add(elapsed);
                cpu.add(cpuUsed);
                inMemory.add(decision);
                served.add(outcome.receipt().allocations().size());
            }
        }
        int fewest = served.stream().mapToInt(i -> i).min().orElseThrow();
        int most = served.stream().mapToInt(i -> i).max().orElseThrow();
        report.add(String.format(Locale.ROOT, "| %s | %d %% | %s | %s | %s | %s | %s | %s | %s |", label,
                (int) (coverage * 100), fewest == most ? fewest : fewest + "-" + most, millis(median(endToEnd)),
                millis(endToEnd.stream().mapToDouble(d -> d).min().orElseThrow()),
                millis(endToEnd.stream().mapToDouble(d -> d).max().orElseThrow()), millis(median(cpu)),
                millis(median(inMemory)), target));
    }

    /** The pure part of the same decision: score, order and allocate the waiting lines read beforehand. */
    private double decisionMillis(Map<String, Integer> delivered) {
        List<WaitingLine> waiting = await(() -> Panache.withSession(() -> queue.waiting(delivered.keySet())));
        Map<String, Integer> free = new HashMap<>(delivered);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Allocator.allocate(PriorityPolicy.rank(waiting, today, ZoneOffset.UTC, WEIGHTS), free, Set.of());
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }

    private static <T> T await(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(d -> d).sorted().toArray();
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String millis(double value) {
        return value >= 1000
                ? String.format(Locale.ROOT, "%.2f s", value / 1000)
                : String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String loadAverage() {
        try {
            return String.join(", ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" "))
                    .subList(0,
                            3));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
