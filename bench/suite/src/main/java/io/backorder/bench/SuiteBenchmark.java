package io.backorder.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.infra.ServiceProcess;
import io.backorder.localstack.LocalStack;
import io.backorder.localstack.Suite;
import io.backorder.localstack.SuiteOptions;
import io.backorder.localstack.SuiteService;

/**
 * Benchmarks the whole suite as it runs locally and writes a Markdown report. See bench/suite/README.md.
 */
public final class SuiteBenchmark implements AutoCloseable {

    private static final int SKUS = 100;
    private static final Duration READY = Duration.ofSeconds(180);
    private static final String PROMISE_CHANGES_SETTLED = "select count(*) from notification where kind = "
            + "'PROMISE_DATE_CHANGED' and status in ('DELIVERED', 'SUPPRESSED', 'COALESCED', 'FAILED')";
    private static final String PROMISE_CHANGE_EMAILS_SENT = "select count(*) from delivery d join notification n "
            + "on n.id = d.notification_id where n.kind = 'PROMISE_DATE_CHANGED' and d.channel = 'EMAIL' "
            + "and d.status = 'SENT'";

    private final Suite suite;
    private final Path root;
    private final Path workDir;
    private final Http http = new Http();
    private final StringBuilder report = new StringBuilder();
    private final int seconds = Integer.getInteger("bench.seconds", 20);
    private final int fanOutLines = Integer.getInteger("bench.fanout.lines", 10_000);
    /**
     * One connection per database for the harness's own counting: it polls every 50 ms while the suite drains, and a
     * new connection each time would have PostgreSQL start a backend per poll, on the cores the suite is measured on.
     */
    private final Map<SuiteService, Connection> probes = new EnumMap<>(SuiteService.class);

    private SuiteBenchmark(Suite suite, Path root, Path workDir) {
        this.suite = suite;
        this.root = root;
        this.workDir = workDir;
    }

    public static void main(String[] args) throws Exception {
        Path root = LocalStack.projectRoot();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path workDir = root.resolve("bench/suite/target/run-" + stamp);
        Map<String, String> settings = Map.of("quarkus.log.category.\"io.backorder\".level", "WARN",
                "backorder.notification.throttle.coalescing-window", "PT1S");
        Path out = root.resolve("bench/suite/target/latest.md");
        try (Suite suite = Suite.start(SuiteOptions.forTests(root, workDir, 1, settings));
                SuiteBenchmark benchmark = new SuiteBenchmark(suite, root, workDir)) {
            // Written after every part: the whole run takes half an hour and a stopped run still leaves its numbers.
            Map<String, BenchmarkPart> parts = new LinkedHashMap<>();
            parts.put("startup", benchmark::startupAndMemory);
            parts.put("place-order", benchmark::placeOrderThroughput);
            parts.put("saga", benchmark::sagaLatency);
            parts.put("fanout", benchmark::etaSlipFanOut);
            parts.put("memory", benchmark::memoryAfterLoad);
            Set<String> chosen = Set.of(System.getProperty("bench.parts", String.join(",", parts.keySet()))
                    .split(","));
            benchmark.header(stamp);
            for (Map.Entry<String, BenchmarkPart> part : parts.entrySet()) {
                if (chosen.contains(part.getKey())) {
                    part.getValue().run();
                    Files.writeString(out, benchmark.report);
                }
            }
            System.out.println(benchmark.report);
            System.out.println("Report written to " + out);
        }
    }

    @FunctionalInterface
    private interface BenchmarkPart {
        void run() throws Exception;
    }

    private void header(String stamp) {
        double load = loadAverage();
        report.append("### Run ")
                .append(stamp)
                .append(" UTC\n\n")
                .append(String.format(Locale.ROOT, "%d cores, load average %.2f at the start, %s %s; "
                        + "every service a separate JVM (-Xmx384m, SerialGC) on one PostgreSQL "
                        + "(fsync off), one embedded Artemis (persistent journal) and GreenMail.%n%n",
                        Runtime.getRuntime().availableProcessors(), load, System.getProperty("java.vm.name"),
                        System.getProperty("java.version")));
    }

    // --- startup and memory ---

    private void startupAndMemory() {
        report.append("#### Startup and memory\n\n| service | start to ready | RSS when ready |\n|---|---:|---:|\n");
        for (SuiteService service : SuiteService.values()) {
            ServiceProcess process = suite.processes(service).get(0);
            process.stop();
            Instant begin = Instant.now();
            process.restart();
            process.awaitReadyOrFail(READY);
            long millis = Duration.between(begin, Instant.now()).toMillis();
            report.append(String.format(Locale.ROOT, "| %s | %.1f s | %d MB |%n", service.module(), millis / 1000.0,
                    rssMegabytes(process.pid())));
        }
        report.append('\n');
    }

    private void memoryAfterLoad() {
        report.append("#### Memory after the load above\n\n| service | RSS |\n|---|---:|\n");
        for (SuiteService service : SuiteService.values()) {
            report.append(String.format(Locale.ROOT, "| %s | %d MB |%n", service.module(),
                    rssMegabytes(suite.processes(service).get(0).pid())));
        }
        report.append('\n');
    }

    // --- place-order throughput beside pgbench ---

    private void placeOrderThroughput() throws Exception {
        String operator = suite.keys().operatorToken();
        String inventory = suite.baseUrl(SuiteService.INVENTORY);
        http.ok("PUT", inventory + "/locations/bench", operator, Map.of("name", "Bench"));
        for (int n = 0; n < SKUS; n++) {
            http.ok("PUT", inventory + "/skus/PO-" + n, operator, Map.of("name", "Bench " + n,
                    "backorderPolicy", "ALLOW", "unitPrice", 10));
            http.ok("POST", inventory + "/stock/adjustments", operator, Map.of("sku", "PO-" + n, "locationId",
                    "bench", "delta", 1_000_000, "reason", "INITIAL_COUNT"));
        }
        PgBench pgbench = new PgBench(suite.postgres(), root, workDir);
        pgbench.prepare(SKUS);
        Path script = root.resolve("bench/suite/place-order.pgbench.sql");

        Map<String, Long> services = new LinkedHashMap<>();
        for (SuiteService service : SuiteService.values()) {
            services.put(service.module(), suite.processes(service).get(0).pid());
        }
        CpuMeter cpu = new CpuMeter(services, suite.postgres().postmasterPid());
        StringBuilder cpuTable = new StringBuilder();
        String warmedUp = warmUp(cpu);
        report.append("#### Place-order throughput and latency (HTTP `POST /orders`, one line, in stock)\n\n")
                .append(warmedUp)
                .append("Mild skew: SKUs uniform over 100. Hot skew: 80% of orders for one SKU. `accepted` is what the ")
                .append("platform sees (201 with the order); `reserved` counts until inventory's reservation ")
                .append("is back in the order (asynchronous, through the broker). pgbench runs the SQL of the ")
                .append("whole path to `reserved` (bench/suite/place-order.pgbench.sql: five transactions, from the ")
                .append("order insert to the saga applying the reservation) on the same PostgreSQL right after, ")
                .append("as prepared statements like the services' drivers use them, so ")
                .append("`reserved / pgbench` compares like with like; pgbench's latency is that of all five.\n\n")
                .append("| skew | clients | accepted orders/s | p50 | p99 | errors: HTTP / pgbench | reserved orders/s | pgbench tx/s "
                        + "| pgbench p50 | pgbench p99 | reserved / pgbench | accepted / pgbench |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String skew : List.of("mild", "hot")) {
            for (int clients : List.of(8, 16)) {
                LoadResult load = placeOrders(clients, skew, Duration.ofSeconds(seconds), cpu);
                Map<String, Double> orderCpu = load.cpu();
                Map<String, Double> before = cpu.snapshot();
                PgBench.Result sql = pgbench.run(script, clients, seconds, skew);
                double pgbenchCpu = CpuMeter.between(before, cpu.snapshot()).get("postgresql");
                if (cpuTable.isEmpty()) {
                    cpuTable.append("CPU time per order, from /proc, from the start of the HTTP run until the suite ")
                            .append("is quiet again (every outbox sent, every payment authorization applied), so ")
                            .append("it covers everything the orders caused; the bench JVM holds the broker, the ")
                            .append("SMTP server and the HTTP clients. *Of which JIT* is what the JIT ")
                            .append("compiler threads of all JVMs used within the total. The last column is ")
                            .append("PostgreSQL's CPU per pgbench run of the five transactions.\n\n| skew | clients | ")
                            .append(String.join(" | ", orderCpu.keySet()))
                            .append(" | total | of which JIT | pgbench: postgresql |\n|---|---:|")
                            .append("---:|".repeat(orderCpu.size() + 3))
                            .append('\n');
                }
                cpuTable.append("| ").append(skew).append(" | ").append(clients).append(" | ");
                for (double millis : orderCpu.values()) {
                    cpuTable.append(String.format(Locale.ROOT, "%.1f ms | ", millis / load.reserved()));
                }
                cpuTable.append(String.format(Locale.ROOT, "%.1f ms | %.1f ms | %.1f ms |%n",
                        orderCpu.values().stream().mapToDouble(Double::doubleValue).sum() / load.reserved(),
                        load.compilerCpu() / load.reserved(), pgbenchCpu / sql.transactions()));
                report.append(String.format(Locale.ROOT,
                        "| %s | %d | %.0f | %.1f ms | %.1f ms | %d / %d | %.0f | %.0f | %.1f ms | %.1f ms | %.0f%% | %.0f%% |%n",
                        skew, clients, load.acceptedPerSecond(), load.latencies().percentileMillis(50),
                        load.latencies().percentileMillis(99), load.errors(), sql.failed(), load.reservedPerSecond(),
                        sql.tps(),
                        sql.latencies().percentileMillis(50), sql.latencies().percentileMillis(99),
                        100 * load.reservedPerSecond() / sql.tps(), 100 * load.acceptedPerSecond() / sql.tps()));
            }
        }
        report.append('\n').append(cpuTable).append('\n');
    }

    record LoadResult(double acceptedPerSecond, Latencies latencies, long errors, long reserved,
            double reservedPerSecond, Map<String, Double> cpu, double compilerCpu) {

        /** The share of the JVMs' CPU their JIT compilers used (PostgreSQL is not a JVM). */
        double compilerShare() {
            double jvms = cpu.entrySet()
                    .stream()
                    .filter(part -> !part.getKey().equals("postgresql"))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
            return compilerCpu / jvms;
        }
    }

    /**
     * Services are measured warm, as they run in production after a while. Each JVM compiles its hot path while it
     * serves, and on two cores shared by five services, the broker and PostgreSQL it gets little CPU to do so: C2 was
     * still taking 20 to 40 % of the services' CPU minutes after the start. So after a fixed warm-up
     * ({@code bench.warmup} seconds, half on each skew) orders keep coming in rounds until the JIT compilers use less
     * than {@code bench.warmup.jit-share} percent of the JVMs' CPU in a round, for at most
     * {@code bench.warmup.max} seconds. Returns what the warm-up did, for the report.
     */
    private String warmUp(CpuMeter cpu) throws Exception {
        Duration fixed = Duration.ofSeconds(Integer.getInteger("bench.warmup", 60) / 2);
        double settled = Integer.getInteger("bench.warmup.jit-share", 5) / 100.0;
        Instant limit = Instant.now().plusSeconds(Integer.getInteger("bench.warmup.max", 600));
        Instant begin = Instant.now();
        long orders = placeOrders(16, "mild", fixed, cpu).reserved() + placeOrders(16, "hot", fixed, cpu).reserved();
        double share;
        int round = 0;
        do {
            LoadResult result = placeOrders(16, round++ % 2 == 0 ? "mild" : "hot", Duration.ofSeconds(20), cpu);
            orders += result.reserved();
            share = result.compilerShare();
            System.out.printf(Locale.ROOT, "Warm-up round %d: JIT compilers used %.0f %% of the JVMs' CPU%n", round,
                    100 * share);
        } while (share >= settled && Instant.now().isBefore(limit));
        return String.format(Locale.ROOT, "Warm-up: %d orders in %d s, until the JIT compilers used %.0f %% of the "
                + "JVMs' CPU in a 20 s round (%s %.0f %%).%n%n", orders,
                Duration.between(begin, Instant.now()).toSeconds(), 100 * share,
                share < settled ? "below" : "time limit reached before", 100 * settled);
    }

    private LoadResult placeOrders(int clients, String skew, Duration duration, CpuMeter cpu) throws Exception {
        String platform = suite.keys().platformToken();
        String orders = suite.baseUrl(SuiteService.ORDER) + "/orders";
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        long before = count(SuiteService.ORDER, "select count(*) from orders");
        Map<String, Double> cpuBefore = cpu.snapshot();
        double compilerBefore = cpu.compilerMillis();
        Instant begin = Instant.now();
        Instant end = begin.plus(duration);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    long start = System.nanoTime();
                    Http.Response response = http.send("POST", orders, platform, order(skew),
                            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                    if (response.status() == 201) {
                        latencies.add(System.nanoTime() - start);
                        accepted.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double acceptedSeconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
        long placed = count(SuiteService.ORDER, "select count(*) from orders") - before;
        awaitCount(SuiteService.ORDER, "select count(*) from orders where status = 'RESERVING'", 0,
                Duration.ofMinutes(5));
        double reservedSeconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
        awaitQuiet();
        return new LoadResult(accepted.get() / acceptedSeconds, latencies, errors.get(), placed,
                placed / reservedSeconds, CpuMeter.between(cpuBefore, cpu.snapshot()),
                cpu.compilerMillis() - compilerBefore);
    }

    private static Map<String, Object> order(String skew) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int sku = "hot".equals(skew) && random.nextInt(100) < 80 ? 0 : random.nextInt(SKUS);
        String customer = "bench-" + random.nextInt(10_000);
        return Map.of("currency", "EUR", "shipping", "SHIP_AVAILABLE", "paymentMethod", "pm_card_visa",
                "customer", Map.of("id", customer, "tier", "STANDARD", "locale", "en", "email",
                        customer + "@bench.test"),
                "lines", List.of(Map.of("sku", "PO-" + sku, "quantity", 1, "unitPrice", new BigDecimal("10.00"))));
    }

    // --- end-to-end saga latency: receipt -> allocation -> capture -> email ---

    private void sagaLatency() throws Exception {
        int samples = Integer.getInteger("bench.saga.samples", 30);
        String operator = suite.keys().operatorToken();
        String platform = suite.keys().platformToken();
        String inventory = suite.baseUrl(SuiteService.INVENTORY);
        String orders = suite.baseUrl(SuiteService.ORDER);
        Latencies receiptToEmail = new Latencies();
        Latencies receiptToAllocated = new Latencies();
        for (int i = 0; i < samples; i++) {
            String sku = "SAGA-" + i;
            String email = "saga" + i + "@bench.test";
            http.ok("PUT", inventory + "/skus/" + sku, operator, Map.of("name", sku, "backorderPolicy", "ALLOW",
                    "unitPrice", 20));
            JsonNode placed = placeOrder(Map.of("currency", "EUR", "shipping",
                    "SHIP_AVAILABLE", "paymentMethod", "pm_card_visa", "customer", Map.of("id", "saga-" + i,
                            "tier", "STANDARD", "locale", "en", "email", email),
                    "lines", List.of(Map.of("sku", sku, "quantity", 1, "unitPrice", new BigDecimal("20.00")))));
            String orderId = placed.path("id").asText();
            awaitOrder(orderId, order -> "BACKORDERED".equals(order.path("lines").path(0).path("state").asText()));

            long start = System.nanoTime();
            http.ok("POST", inventory + "/receipts", operator, Map.of("locationId", "bench", "lines",
                    List.of(Map.of("sku", sku, "quantity", 1))));
            JsonNode allocated = awaitOrder(orderId, order -> order.path("lines")
                    .path(0)
                    .path("shippable")
                    .asInt() == 1);
            receiptToAllocated.add(System.nanoTime() - start);
            http.ok("POST", orders + "/orders/" + orderId + "/shipments", platform, Map.of("shipmentId", "S-" + i,
                    "lines", List.of(Map.of("lineId", allocated.path("lines").path(0).path("id").asText(),
                            "quantity", 1))));
            boolean mailed = suite.mail()
                    .waitFor(mails -> mails.stream()
                            .anyMatch(mail -> mail.to().contains(email)
                                    && mail.subject().toLowerCase(Locale.ROOT).contains("on their way")),
                            Duration.ofSeconds(60));
            if (!mailed) {
                throw new IllegalStateException("No shipped email for " + email);
            }
            receiptToEmail.add(System.nanoTime() - start);
        }
        report.append("#### End-to-end saga latency\n\n")
                .append("A backordered line, one unit received at the warehouse (inventory allocates it, the order ")
                .append("saga authorizes it), the platform reports the shipment (the saga captures, inventory ships), ")
                .append("and the shipped email reaches the SMTP server. ")
                .append(samples)
                .append(" orders one after another; the shipment is reported as soon as the order shows the unit ")
                .append("ready.\n\n| stage | p50 | p99 |\n|---|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| receipt -> allocated in the order | %.0f ms | %.0f ms |%n",
                        receiptToAllocated.percentileMillis(50), receiptToAllocated.percentileMillis(99)))
                .append(String.format(Locale.ROOT,
                        "| receipt -> shipped email delivered to SMTP | %.0f ms | %.0f ms |%n%n",
                        receiptToEmail.percentileMillis(50), receiptToEmail.percentileMillis(99)));
    }

    // --- ETA slip fan-out ---

    private void etaSlipFanOut() throws Exception {
        String operator = suite.keys().operatorToken();
        String inventory = suite.baseUrl(SuiteService.INVENTORY);
        String supplier = suite.baseUrl(SuiteService.SUPPLIER);
        http.ok("PUT", inventory + "/skus/FANOUT", operator, Map.of("name", "Fan-out", "backorderPolicy", "ALLOW",
                "unitPrice", 5, "leadTimeDays", 10));
        http.ok("PUT", supplier + "/suppliers/FANCO", operator, Map.of("name", "Fan-out supplier", "contactEmail",
                "fan@supplier.test", "active", true));
        http.ok("POST", supplier + "/agreements", operator, Map.of("supplierId", "FANCO", "sku", "FANOUT",
                "currency", "EUR", "unitPrice", 2, "leadTimeDays", 10, "validFrom", "2020-01-01"));
        JsonNode po = http.ok("POST", supplier + "/purchase-orders", operator, Map.of("supplierId", "FANCO",
                "locationId", "bench", "lines", List.of(Map.of("sku", "FANOUT", "quantity", fanOutLines * 2,
                        "needBy", LocalDate.now().plusDays(10).toString(), "urgent", false))));
        String poId = po.path("id").asText();
        String poLine = po.path("lines").path(0).path("id").asText();
        awaitCount(SuiteService.INVENTORY,
                "select count(*) from inbound_supply where status = 'OPEN' and sku = 'FANOUT'",
                1, Duration.ofMinutes(1));

        Instant placing = Instant.now();
        placeBackorders(fanOutLines);
        awaitCount(SuiteService.INVENTORY, "select count(*) from order_line where sku = 'FANOUT' and backordered > 0",
                fanOutLines, Duration.ofMinutes(20));
        awaitCount(SuiteService.ORDER,
                "select count(*) from order_line where sku = 'FANOUT' and promise_date is not null",
                fanOutLines, Duration.ofMinutes(20));
        double setupSeconds = Duration.between(placing, Instant.now()).toMillis() / 1000.0;
        awaitQuietNotifications(Duration.ofMinutes(20));

        String token = suite.keys().supplierToken("FANCO");
        LocalDate slipped = LocalDate.now().plusDays(12);
        Instant slip = Instant.now();
        http.ok("POST", supplier + "/supplier/purchase-orders/" + poId + "/lines/" + poLine + "/eta", token,
                Map.of("eta", slipped.toString(), "reason", "bench slip"));
        String moved = "select count(*) from order_line where sku = 'FANOUT' and promise_date = date '"
                + slipped.plusDays(1) + "'";
        awaitCount(SuiteService.INVENTORY, moved, fanOutLines, Duration.ofMinutes(20));
        double inventorySeconds = Duration.between(slip, Instant.now()).toMillis() / 1000.0;
        awaitCount(SuiteService.ORDER, moved, fanOutLines, Duration.ofMinutes(30));
        double orderSeconds = Duration.between(slip, Instant.now()).toMillis() / 1000.0;
        awaitCount(SuiteService.NOTIFICATION, PROMISE_CHANGES_SETTLED, fanOutLines, Duration.ofMinutes(30));
        double notifiedSeconds = Duration.between(slip, Instant.now()).toMillis() / 1000.0;
        long emails = count(SuiteService.NOTIFICATION, PROMISE_CHANGE_EMAILS_SENT);

        report.append("#### ETA slip fan-out\n\n")
                .append(String.format(Locale.ROOT, "%,d single-line orders backordered on one SKU behind one "
                        + "purchase-order line (placing them and getting their first promises took %.0f s). The "
                        + "supplier then moves the line's ETA by two days through its endpoint, which moves every "
                        + "promise by two days: at the notification tolerance, so every customer is told by email "
                        + "(coalescing window shortened to one second for the run).%n%n", fanOutLines, setupSeconds))
                .append("| stage | time after the ETA change | rate |\n|---|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| inventory: every promise moved (`PromiseDateChanged` in its "
                        + "outbox) | %.1f s | %.0f lines/s |%n", inventorySeconds, fanOutLines / inventorySeconds))
                .append(String.format(Locale.ROOT, "| order-service: every order shows the new promise | %.1f s | "
                        + "%.0f orders/s |%n", orderSeconds, fanOutLines / orderSeconds))
                .append(String.format(Locale.ROOT, "| notification-service: every promise-change message sent or "
                        + "held back (%,d emails delivered to SMTP) | %.1f s | %.0f messages/s |%n%n", emails,
                        notifiedSeconds, fanOutLines / notifiedSeconds));
    }

    private void placeBackorders(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            placed.add(pool.submit(() -> placeOrder(Map.of("currency", "EUR", "shipping", "SHIP_AVAILABLE",
                    "paymentMethod", "pm_card_visa", "customer", Map.of("id", "fan-" + n, "tier", "STANDARD",
                            "locale", "en", "email", "fan" + n + "@bench.test"),
                    "lines", List.of(Map.of("sku", "FANOUT", "quantity", 1, "unitPrice", new BigDecimal("5.00")))))));
        }
        for (Future<?> order : placed) {
            order.get();
        }
        pool.shutdown();
    }

    // --- helpers ---

    private JsonNode placeOrder(Map<String, Object> order) {
        return http.ok("POST", suite.baseUrl(SuiteService.ORDER) + "/orders", suite.keys().platformToken(), order,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private JsonNode awaitOrder(String orderId, Predicate<JsonNode> condition) {
        String url = suite.baseUrl(SuiteService.ORDER) + "/orders/" + orderId;
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode order = http.ok("GET", url, suite.keys().platformToken(), null);
            if (condition.test(order)) {
                return order;
            }
            sleep(20);
        }
        throw new IllegalStateException("Order " + orderId + " did not reach the expected state");
    }

    private void awaitQuietNotifications(Duration timeout) {
        awaitCount(SuiteService.NOTIFICATION, "select count(*) from outbox_message where sent_at is null", 0, timeout);
        awaitCount(SuiteService.NOTIFICATION, "select count(*) from notification where status in ('SCHEDULED', "
                + "'SENDING')", 0, timeout);
        Instant deadline = Instant.now().plus(timeout);
        while (suite.broker().messageCount("backorder.notification") > 0 || suite.broker()
                .messageCount(
                        "backorder.order") > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Inboxes did not drain");
            }
            sleep(100);
        }
    }

    /**
     * Until nothing the last run caused is still under way: every service's outbox sent and every payment operation
     * applied, twice in a row a second apart (a message may be between an outbox and the next service's inbox).
     */
    private void awaitQuiet() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        int quietChecks = 0;
        while (quietChecks < 2) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The suite did not become quiet within 10 minutes");
            }
            boolean quiet = count(SuiteService.ORDER,
                    "select count(*) from payment_operation where status = 'PENDING'") == 0;
            for (SuiteService service : SuiteService.values()) {
                quiet &= count(service, "select count(*) from outbox_message where sent_at is null") == 0;
            }
            quietChecks = quiet ? quietChecks + 1 : 0;
            sleep(1000);
        }
    }

    private void awaitCount(SuiteService service, String sql, long expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (count(service, sql) != expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Timed out waiting for " + expected + " from: " + sql + " (now "
                        + count(service, sql) + ")");
            }
            sleep(50);
        }
    }

    private long count(SuiteService service, String sql) {
        try (Statement statement = probe(service).createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection probe(SuiteService service) throws SQLException {
        Connection connection = probes.get(service);
        if (connection == null) {
            connection = DriverManager.getConnection(suite.postgres().jdbcUrl(service.database()),
                    suite.postgres().superuser(), suite.postgres().password());
            probes.put(service, connection);
        }
        return connection;
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : probes.values()) {
            connection.close();
        }
    }

    private static long rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
