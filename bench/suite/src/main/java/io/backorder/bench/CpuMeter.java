package io.backorder.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by each part of the running suite, read from /proc: what a benchmark window cost, independent of how
 * long it waited for a core. PostgreSQL is the postmaster with its live backends and the children it has reaped.
 */
final class CpuMeter {

    private static final double TICKS_PER_MILLI = 100 / 1000.0;

    private final Map<String, Long> processes;
    private final long postmaster;

    /** @param processes name and PID of every process to meter on its own */
    CpuMeter(Map<String, Long> processes, long postmaster) {
        this.processes = processes;
        this.postmaster = postmaster;
    }

    /** CPU milliseconds used so far per part, in the order the parts were given, PostgreSQL and this JVM last. */
    Map<String, Double> snapshot() {
        Map<String, Double> used = new LinkedHashMap<>();
        processes.forEach((name, pid) -> used.put(name, ticks(pid, false) / TICKS_PER_MILLI));
        used.put("postgresql", postgresTicks() / TICKS_PER_MILLI);
        used.put("bench JVM", ticks(ProcessHandle.current().pid(), false) / TICKS_PER_MILLI);
        return used;
    }

    /**
     * CPU milliseconds the JIT compiler threads of the metered JVMs, this one included, have used so far: what the
     * JVMs spend compiling instead of serving, until their hot code is compiled. On two cores each JVM has one C1
     * and one C2 thread, which live as long as the JVM, so the sum only grows.
     */
    double compilerMillis() {
        long ticks = compilerTicks(ProcessHandle.current().pid());
        for (long pid : processes.values()) {
            ticks += compilerTicks(pid);
        }
        return ticks / TICKS_PER_MILLI;
    }

    /** What each part used between two snapshots. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, millis) -> used.put(name, millis - before.getOrDefault(name, 0.0)));
        return used;
    }

    private long postgresTicks() {
        long total = ticks(postmaster, true);
        try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : all) {
                String[] fields = stat(process);
                if (fields != null && Long.parseLong(fields[3]) == postmaster) {
                    total += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    private static long compilerTicks(long pid) {
        long total = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads) {
                String[] fields = stat(thread);
                if (fields != null && isCompiler(thread)) {
                    total += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    private static boolean isCompiler(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip().matches("C[12] CompilerThre.*");
        } catch (IOException e) {
            return false;
        }
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        String[] fields = stat(Path.of("/proc", String.valueOf(pid)));
        if (fields == null) {
            return 0;
        }
        long own = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        return withReapedChildren ? own + Long.parseLong(fields[15]) + Long.parseLong(fields[16]) : own;
    }

    /** The fields of /proc/PID/stat, numbered from 0 as in proc(5) minus one; null when the process is gone. */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            // the command name may hold spaces; everything after its closing parenthesis is space-separated
            String rest = line.substring(line.lastIndexOf(')') + 2);
            String[] tail = rest.split(" ");
            String[] fields = new String[tail.length + 2];
            System.arraycopy(tail, 0, fields, 2, tail.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
