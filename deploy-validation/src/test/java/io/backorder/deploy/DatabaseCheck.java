package io.backorder.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;

/**
 * Every service's database exists in the manifest and lets the service in: the host of its datasource URL is a
 * Service or a CloudNativePG cluster's service (&lt;cluster&gt;-rw), whose pods carry the label
 * db.backorder.io/&lt;service&gt; its network policy allows; a CloudNativePG cluster creates the database the URL names,
 * keeps data on a volume, and the JDBC URL (for Flyway) points at the same database.
 */
final class DatabaseCheck implements Check {

    private static final Pattern URL = Pattern.compile("(?:jdbc:)?postgres(?:ql)?://([^:/?]+)(?::\\d+)?/([^?]+).*");
    private static final Pattern CNPG_SERVICE = Pattern.compile("(.+)-(rw|ro|r)");

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Manifest.Workload workload : manifest.suiteServices()) {
            Environment environment = new Environment(manifest, workload);
            Optional<Matcher> reactive = environment.value("QUARKUS_DATASOURCE_REACTIVE_URL")
                    .map(URL::matcher)
                    .filter(Matcher::matches);
            if (reactive.isEmpty()) {
                continue;
            }
            String host = reactive.get().group(1);
            String database = reactive.get().group(2);
            String label = "db.backorder.io/" + workload.name();
            String where = workload.id() + " database " + host + "/" + database;
            environment.value("QUARKUS_DATASOURCE_JDBC_URL")
                    .map(URL::matcher)
                    .filter(Matcher::matches)
                    .filter(jdbc -> !jdbc.group(1).equals(host) || !jdbc.group(2).equals(database))
                    .ifPresent(jdbc -> violations.add(where + ": the JDBC URL points at " + jdbc.group(1) + "/"
                            + jdbc.group(2)));
            Optional<Service> service = manifest.named(Service.class, host);
            Matcher cnpgService = CNPG_SERVICE.matcher(host);
            Optional<GenericKubernetesResource> cluster = cnpgService.matches()
                    ? manifest.custom(Manifest.CNPG, "Cluster")
                            .stream()
                            .filter(candidate -> candidate.getMetadata().getName().equals(cnpgService.group(1)))
                            .findFirst()
                    : Optional.empty();
            if (service.isPresent()) {
                boolean reachable = manifest.workloads()
                        .stream()
                        .filter(pods -> Manifest.selects(service.get().getSpec().getSelector(), pods.podLabels()))
                        .anyMatch(pods -> pods.podLabels().containsKey(label));
                if (!reachable) {
                    violations.add(where + ": the pods behind Service " + host + " lack the label " + label);
                }
            } else if (cluster.isPresent()) {
                checkCluster(cluster.get(), label, database, where, violations);
            } else {
                violations.add(where + ": " + host + " is neither a Service nor a CloudNativePG cluster here");
            }
        }
        return violations;
    }

    @SuppressWarnings("unchecked")
    private static void checkCluster(GenericKubernetesResource cluster, String label, String database, String where,
            List<String> violations) {
        Map<String, Object> spec = (Map<String, Object>) cluster.getAdditionalProperties().get("spec");
        Map<String, Object> inherited = (Map<String, Object>) spec.getOrDefault("inheritedMetadata", Map.of());
        Map<String, Object> labels = (Map<String, Object>) inherited.getOrDefault("labels", Map.of());
        if (!labels.containsKey(label)) {
            violations.add(where + ": cluster " + cluster.getMetadata().getName() + " does not give its pods " + label);
        }
        Map<String, Object> bootstrap = (Map<String, Object>) spec.getOrDefault("bootstrap", Map.of());
        Map<String, Object> initdb = (Map<String, Object>) bootstrap.getOrDefault("initdb", Map.of());
        if (!database.equals(initdb.get("database")) || initdb.get("owner") == null) {
            violations.add(where + ": cluster " + cluster.getMetadata().getName() + " creates database "
                    + initdb.get("database") + " (owner " + initdb.get("owner") + ")");
        }
        Map<String, Object> storage = (Map<String, Object>) spec.getOrDefault("storage", Map.of());
        if (storage.get("size") == null) {
            violations.add(where + ": cluster " + cluster.getMetadata().getName() + " has no storage size");
        }
        Object instances = spec.get("instances");
        if (!(instances instanceof Number number) || number.intValue() < 1) {
            violations.add(where + ": cluster " + cluster.getMetadata().getName() + " has no instances");
        }
    }
}
