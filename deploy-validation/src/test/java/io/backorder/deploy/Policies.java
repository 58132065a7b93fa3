package io.backorder.deploy;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The suite's deployment policy: every check, by the name a test reports it under. */
final class Policies {

    private Policies() {
    }

    static Map<String, Check> all() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("probes", new ProbeCheck());
        checks.put("ports", new PortCheck());
        checks.put("required configuration", new RequiredConfigCheck(deployedServices(RequiredConfig::of)));
        checks.put("unknown fields", new UnknownFieldCheck());
        checks.put("resources", new ResourceCheck());
        checks.put("security context", new SecurityContextCheck());
        checks.put("images", new ImageCheck());
        checks.put("availability", new AvailabilityCheck());
        checks.put("network policies", new NetworkPolicyCheck());
        checks.put("secret values", new SecretValueCheck());
        checks.put("gateway", new GatewayCheck(deployedServices(ServiceEndpoints::rootSegments)));
        checks.put("databases", new DatabaseCheck());
        return checks;
    }

    /** Per service whose manifest is committed (those the overlays deploy). */
    static <T> Map<String, T> deployedServices(Function<String, T> derive) {
        return Repository.applications()
                .stream()
                .filter(service -> Files.exists(Repository.committedManifest(service)))
                .collect(Collectors.toMap(service -> service, derive, (a, b) -> a, LinkedHashMap::new));
    }
}
