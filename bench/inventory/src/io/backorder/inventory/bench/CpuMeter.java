package io.backorder.inventory.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * CPU time used by the service's event-loop threads (where Hibernate Reactive runs a transaction) and by the
 * benchmark's PostgreSQL cluster (the postmaster and all its children). On a shared machine wall-clock times depend
 * on what else runs; the CPU an operation uses does not, and it approximates the time the operation would take with
 * the cores to itself (it is one transaction: the service and the database take turns). JIT compilation and garbage
 * collection run on other threads and are left out.
 */
final class CpuMeter {

    private final long postmaster;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    CpuMeter(Connection db) throws SQLException, IOException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(
                        "select pg_backend_pid()")) {
            row.next();
            postmaster = parentOf(row.getLong(1));
        }
    }

    /** Nanoseconds of CPU used so far. */
    long nanos() throws IOException {
        long total = onCpu(postmaster);
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("vert.x-eventloop-thread")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (parentOfOrZero(pid) == postmaster) {
                    total += onCpu(pid);
                }
            }
        }
        return total;
    }

    private static long parentOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    }

    private static long parentOfOrZero(long pid) {
        try {
            return parentOf(pid);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Time the (single-threaded) process has spent on a CPU, from the scheduler's statistics, in nanoseconds. */
    private static long onCpu(long pid) {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc", String.valueOf(pid), "schedstat")).split(" ")[0]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
