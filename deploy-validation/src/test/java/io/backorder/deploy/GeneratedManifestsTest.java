package io.backorder.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class GeneratedManifestsTest {

    @Test
    void committedManifestsAreWhatTheBuildGenerates() throws IOException {
        for (String service : Repository.applications()) {
            assertThat(Repository.generatedManifest(service))
                    .as("%s has not been packaged: ./mvnw verify builds the services before this module", service)
                    .exists();
            assertThat(Repository.committedManifest(service))
                    .as("%s has no committed manifest: run deploy/regenerate.sh", service)
                    .exists();
            String generated = GeneratedManifests.canonical(Repository.generatedManifest(service));
            assertThat(GeneratedManifests.drift(service, Files.readString(Repository.committedManifest(service)),
                    generated)).isEmpty();
        }
    }

    @Test
    void theBaseDeploysExactlyTheServicesThatAreApplications() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> kustomization = new ObjectMapper(new YAMLFactory())
                .readValue(Repository.deploy().resolve("base/services/kustomization.yaml").toFile(), Map.class);
        assertThat((List<String>) kustomization.get("resources"))
                .as("deploy/base/services/kustomization.yaml: run deploy/regenerate.sh")
                .containsExactlyInAnyOrderElementsOf(Repository.applications());
        for (String service : Repository.SERVICES) {
            if (!Repository.isApplication(service)) {
                assertThat(Repository.committedManifest(service)).doesNotExist();
            }
        }
    }

    @Test
    void generatedManifestsHoldNothingThatChangesFromBuildToBuild() throws IOException {
        for (String service : Repository.applications()) {
            assertThat(Files.readString(Repository.committedManifest(service)))
                    .doesNotContain("app.quarkus.io/build-timestamp", "app.quarkus.io/commit-id",
                            "app.quarkus.io/vcs-uri");
        }
    }

    @Test
    void everyServiceIsDeployedFromItsOwnImageBuiltByItsDockerfile() throws IOException {
        for (String service : Repository.applications()) {
            assertThat(Repository.module(service).resolve("src/main/docker/Dockerfile.jvm")).exists();
            Manifest manifest = Manifest.parse(Files.readString(Repository.committedManifest(service)));
            assertThat(manifest.suiteService(service))
                    .hasValueSatisfying(workload -> assertThat(workload.pod().getContainers().get(0).getImage())
                            .startsWith("docker.io/backorder/" + service + ":"));
        }
    }

    @Test
    void aManifestThatDriftedIsReportedWithTheWayToFixIt() {
        String generated = "kind: Service\nmetadata:\n  name: inventory-service\nspec:\n  type: ClusterIP\n";
        String committed = "# Generated\nkind: Service\nmetadata:\n  name: inventory-service\nspec:\n  type: NodePort\n";

        assertThat(GeneratedManifests.drift("inventory-service", "# Generated\n" + generated, generated)).isEmpty();
        assertThat(GeneratedManifests.drift("inventory-service", committed, generated)).hasValueSatisfying(
                message -> assertThat(message).contains("line 5", "type: NodePort", "deploy/regenerate.sh"));
        assertThat(GeneratedManifests.drift("inventory-service", "# Generated\n", generated)).isPresent();
    }
}
