package io.backorder.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Namespace;

class OverlayRenderingTest {

    static java.util.List<String> overlays() {
        return Overlays.names();
    }

    @Test
    void thereAreADevelopmentAndAProductionOverlay() {
        assertThat(Overlays.names()).contains("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlayRendersIntoItsOwnNamespace(String overlay) {
        Manifest manifest = Overlays.rendered(overlay).manifest();

        assertThat(manifest.all(Namespace.class)).hasSize(1);
        String namespace = manifest.all(Namespace.class).get(0).getMetadata().getName();
        assertThat(manifest.objects())
                .filteredOn(object -> !(object instanceof Namespace))
                .allSatisfy(object -> assertThat(object.getMetadata().getNamespace()).isEqualTo(namespace));
        assertThat(manifest.suiteServices()).hasSameSizeAs(Repository.applications());
    }

    @Test
    void aKustomizationThatDoesNotRenderFailsWithKubectlsMessage() throws IOException {
        Path broken = Files.createTempDirectory(Repository.work(), "broken");
        Files.writeString(broken.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");

        assertThatThrownBy(() -> Kubectl.kustomize(broken))
                .isInstanceOf(Kubectl.KustomizeException.class)
                .hasMessageContaining("missing.yaml");
    }
}
