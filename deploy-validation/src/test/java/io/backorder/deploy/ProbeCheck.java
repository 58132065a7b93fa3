package io.backorder.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;

/**
 * Every container has liveness and readiness probes; a suite service's three probes are SmallRye Health's
 * endpoints on its HTTP port, so that a probe failure means what Quarkus reports.
 */
final class ProbeCheck implements Check {

    static final Map<String, String> HEALTH_PATHS = Map.of("liveness", "/q/health/live", "readiness",
            "/q/health/ready", "startup", "/q/health/started");

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Manifest.Workload workload : manifest.workloads()) {
            for (Container container : workload.pod().getContainers()) {
                String where = workload.id() + " container " + container.getName();
                Map<String, Probe> probes = new java.util.HashMap<>();
                if (container.getLivenessProbe() != null) {
                    probes.put("liveness", container.getLivenessProbe());
                }
                if (container.getReadinessProbe() != null) {
                    probes.put("readiness", container.getReadinessProbe());
                }
                if (container.getStartupProbe() != null) {
                    probes.put("startup", container.getStartupProbe());
                }
                List<String> required = workload.isSuiteService()
                        ? List.of("liveness", "readiness", "startup")
                        : List.of("liveness", "readiness");
                for (String kind : required) {
                    Probe probe = probes.get(kind);
                    if (probe == null) {
                        violations.add(where + " has no " + kind + " probe");
                    } else if (workload.isSuiteService()) {
                        checkHealthProbe(workload, where, kind, probe, violations);
                    }
                }
            }
        }
        return violations;
    }

    private static void checkHealthProbe(Manifest.Workload workload, String where, String kind, Probe probe,
            List<String> violations) {
        if (probe.getHttpGet() == null) {
            violations.add(where + ": the " + kind + " probe is not an HTTP GET of " + HEALTH_PATHS.get(kind));
            return;
        }
        if (!HEALTH_PATHS.get(kind).equals(probe.getHttpGet().getPath())) {
            violations.add(where + ": the " + kind + " probe gets " + probe.getHttpGet().getPath() + ", not "
                    + HEALTH_PATHS.get(kind));
        }
        var port = workload.port(probe.getHttpGet().getPort());
        if (port.isEmpty() || !"http".equals(port.get().getName())) {
            violations.add(where + ": the " + kind + " probe's port " + probe.getHttpGet().getPort().getValue()
                    + " is not the container's HTTP port");
        }
    }
}
