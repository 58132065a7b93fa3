package io.backorder.inventory.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs PostgreSQL's pgbench with the reservation script against the service's own database, and reads throughput
 * from its summary and latencies from its per-transaction log.
 */
final class PgBench {

    record Result(int clients, double perSecond, long failed, Latencies latencies) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private PgBench() {
    }

    static Result run(Path binary, Path script, String host, int port, String user, String database, int clients,
            int threads, Duration duration, Path workDir) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(workDir.resolve("pgbench-" + clients + "-" + System.nanoTime()));
        // prepared, like the service: its driver caches every statement on its connection
        List<String> command = List.of(binary.toString(), "-n", "-M", "prepared", "-h", host, "-p",
                String.valueOf(port), "-U", user, "-c", String.valueOf(clients), "-j", String.valueOf(threads), "-T",
                String.valueOf(duration.toSeconds()), "-f", script.toString(), "-l", "--log-prefix",
                logs.resolve("txn").toString(), database);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).directory(logs.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("No throughput in pgbench's output:\n" + output);
        }
        Matcher failed = FAILED.matcher(output);
        return new Result(clients, Double.parseDouble(tps.group(1)), failed.find()
                ? Long.parseLong(failed.group(1))
                : 0, latencies(logs));
    }

    /** Log lines read "client_id transaction_no time_us script_no time_epoch time_us_fraction". */
    private static Latencies latencies(Path logs) throws IOException {
        Latencies latencies = new Latencies();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(logs)) {
            listing.filter(path -> path.getFileName().toString().startsWith("txn")).forEach(files::add);
        }
        for (Path file : files) {
            try (Stream<String> lines = Files.lines(file)) {
                lines.map(line -> line.split(" "))
                        .filter(fields -> fields.length >= 3 && !"failed".equals(
                                fields[2]))
                        .forEach(fields -> latencies.add(Long.parseLong(fields[2])));
            }
        }
        return latencies;
    }
}
