package io.backorder.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where things are in the working tree this module validates. */
final class Repository {

    /** The suite's services, by the name their module, manifests and images carry. */
    static final List<String> SERVICES = List.of("inventory-service", "order-service", "supplier-service",
            "notification-service", "insights-service");

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("backorder.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No project root with deploy/ above " + start);
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static Path module(String service) {
        return root().resolve(service);
    }

    /**
     * A service module becomes deployable once it is a Quarkus application; deploy/regenerate.sh uses the same
     * test.
     */
    static boolean isApplication(String service) {
        return Files.exists(applicationProperties(service));
    }

    static List<String> applications() {
        return SERVICES.stream().filter(Repository::isApplication).toList();
    }

    static Path applicationProperties(String service) {
        return module(service).resolve("src/main/resources/application.properties");
    }

    static Path sharedProperties() {
        return root().resolve("service-support/src/main/resources/META-INF/microprofile-config.properties");
    }

    static Path generatedManifest(String service) {
        return module(service).resolve("target/kubernetes/kubernetes.yml");
    }

    static Path committedManifest(String service) {
        return deploy().resolve("base/services").resolve(service).resolve("kubernetes.yml");
    }

    /** Scratch space of this module's build. */
    static Path work() {
        return root().resolve("deploy-validation/target");
    }
}
