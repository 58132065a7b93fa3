package io.backorder.infra;

import java.nio.file.Path;

/** Started in a separate JVM by {@link PostgresClusterTest} to prove that a SIGKILLed JVM leaves no server behind. */
public final class ClusterHolder {

    public static final String PID_PREFIX = "POSTMASTER_PID=";

    private ClusterHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        PostgresCluster cluster = PostgresCluster.start(Path.of(args[0]), true);
        System.out.println(PID_PREFIX + cluster.postmasterPid());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
