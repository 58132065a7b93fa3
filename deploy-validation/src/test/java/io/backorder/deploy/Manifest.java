package io.backorder.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The objects of one rendered overlay (or of a test's bad example), and the look-ups the checks share. */
final class Manifest {

    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String COMPONENT = "app.kubernetes.io/component";
    static final String NAME = "app.kubernetes.io/name";
    static final String CNPG = "postgresql.cnpg.io/v1";
    /** What CloudNativePG puts into the Secret {@code <cluster>-app} it generates for the database owner. */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "password", "host", "port", "dbname", "uri",
            "jdbc-uri", "pgpass");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** A Deployment or StatefulSet with its pod template. */
    record Workload(HasMetadata owner, Map<String, String> podLabels, PodSpec pod) {

        String id() {
            return Manifest.id(owner);
        }

        String name() {
            return owner.getMetadata().getName();
        }

        boolean isSuiteService() {
            return "service".equals(podLabels.get(COMPONENT)) && "backorder-suite".equals(podLabels.get(PART_OF))
                    && owner instanceof Deployment;
        }

        List<Container> allContainers() {
            return Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).toList();
        }

        /** The container port a probe, Service or policy refers to, by number or by name. */
        Optional<ContainerPort> port(IntOrString reference) {
            return pod.getContainers()
                    .stream()
                    .flatMap(container -> container.getPorts().stream())
                    .filter(port -> reference.getIntVal() != null
                            ? Objects.equals(port.getContainerPort(), reference.getIntVal())
                            : Objects.equals(port.getName(), reference.getStrVal()))
                    .findFirst();
        }
    }

    private final List<HasMetadata> objects;

    private Manifest(List<HasMetadata> objects) {
        this.objects = objects;
    }

    static Manifest parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        if (parsed instanceof List<?> list) {
            return new Manifest(list.stream().map(HasMetadata.class::cast).toList());
        }
        return new Manifest(parsed == null ? List.of() : List.of((HasMetadata) parsed));
    }

    /** This manifest without the objects {@code dropped} selects (for tests of the checks). */
    Manifest without(java.util.function.Predicate<HasMetadata> dropped) {
        return new Manifest(objects.stream().filter(dropped.negate()).toList());
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    List<HasMetadata> objects() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(object -> name.equals(object.getMetadata().getName())).findFirst();
    }

    List<GenericKubernetesResource> custom(String apiVersion, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(resource -> apiVersion.equals(resource.getApiVersion()) && kind.equals(resource.getKind()))
                .toList();
    }

    List<Workload> workloads() {
        Stream<Workload> deployments = all(Deployment.class).stream()
                .map(deployment -> new Workload(deployment, labels(deployment.getSpec().getTemplate().getMetadata()),
                        deployment.getSpec().getTemplate().getSpec()));
        Stream<Workload> statefulSets = all(StatefulSet.class).stream()
                .map(statefulSet -> new Workload(statefulSet,
                        labels(statefulSet.getSpec().getTemplate().getMetadata()),
                        statefulSet.getSpec().getTemplate().getSpec()));
        return Stream.concat(deployments, statefulSets).toList();
    }

    List<Workload> suiteServices() {
        return workloads().stream().filter(Workload::isSuiteService).toList();
    }

    Optional<Workload> suiteService(String name) {
        return suiteServices().stream().filter(workload -> workload.name().equals(name)).findFirst();
    }

    /** The keys of a ConfigMap of this manifest. */
    Optional<Set<String>> configMapKeys(String name) {
        return named(ConfigMap.class, name).map(configMap -> keys(configMap.getData(), configMap.getBinaryData()));
    }

    /**
     * The keys of a Secret that will exist: one of this manifest, or one that an operator configured here
     * generates (CloudNativePG's {@code <cluster>-app}).
     */
    Optional<Set<String>> secretKeys(String name) {
        Optional<Secret> secret = named(Secret.class, name);
        if (secret.isPresent()) {
            return secret.map(found -> keys(found.getData(), found.getStringData()));
        }
        boolean generatedByCnpg = custom(CNPG, "Cluster").stream()
                .anyMatch(cluster -> name.equals(cluster.getMetadata().getName() + "-app"));
        return generatedByCnpg ? Optional.of(CNPG_APP_SECRET_KEYS) : Optional.empty();
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** Label selector semantics: an empty selector selects everything. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.entrySet().containsAll(matchLabels.entrySet())
                && selector.getMatchExpressions().stream().allMatch(requirement -> matches(requirement, labels));
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && requirement.getValues().contains(value);
            case "NotIn" -> value == null || !requirement.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("Unknown operator " + requirement.getOperator());
        };
    }

    private static Map<String, String> labels(io.fabric8.kubernetes.api.model.ObjectMeta metadata) {
        return metadata == null || metadata.getLabels() == null ? Map.of() : metadata.getLabels();
    }

    private static Set<String> keys(Map<String, String> first, Map<String, String> second) {
        return Stream.concat(first == null ? Stream.empty() : first.keySet().stream(),
                second == null ? Stream.empty() : second.keySet().stream())
                .collect(java.util.stream.Collectors.toSet());
    }
}
