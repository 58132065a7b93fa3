package io.backorder.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to start the suite.
 *
 * @param projectRoot the checkout, where each service's built application is found
 * @param dataDir where PostgreSQL, the broker journal, keys and logs live
 * @param persistent keep data across restarts (the local stack) or throw it away (tests)
 * @param preferDefaultPorts use 8081-8084 when free (the local stack); tests always take free ports
 * @param replicas processes per service, all sharing one database and broker (as Kubernetes runs them)
 * @param extraProperties system properties for every service process, e.g. shorter deadlines in tests
 */
public record SuiteOptions(Path projectRoot, Path dataDir, boolean persistent, boolean preferDefaultPorts,
        int replicas, Map<String, String> extraProperties) {

    public static SuiteOptions forTests(Path projectRoot, Path dataDir, int replicas, Map<String, String> extra) {
        return new SuiteOptions(projectRoot, dataDir, false, false, replicas, extra);
    }
}
