package io.backorder.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rendered object against the Kubernetes 1.34 and Gateway API JSON schemas, through
 * src/test/node/validate.mjs (kubernetes-models). The first run installs the pinned packages with npm ci.
 */
class SchemaValidationTest {

    private static final Path NODE = Repository.root().resolve("deploy-validation/src/test/node");

    record Result(int exitCode, List<String> lines) {
    }

    @BeforeAll
    static void installValidator() throws Exception {
        if (!Files.isDirectory(NODE.resolve("node_modules"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
            assertThat(install.exitCode()).as("npm ci: %s", install.lines()).isZero();
        }
    }

    @Test
    void everyRenderedObjectIsValidAgainstItsSchema() throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
        for (String overlay : Overlays.names()) {
            command.add(Overlays.rendered(overlay).file().toString());
        }

        Result result = run(command, 120);

        assertThat(result.lines()).filteredOn(line -> !line.startsWith("valid ") && !line.startsWith("skipped "))
                .isEmpty();
        assertThat(result.exitCode()).isZero();
        // only the custom resources without a published schema are skipped
        assertThat(result.lines()).filteredOn(line -> line.startsWith("skipped "))
                .allSatisfy(line -> assertThat(line).containsAnyOf("postgresql.cnpg.io/v1 Cluster",
                        "gateway.envoyproxy.io/v1alpha1 BackendTrafficPolicy"));
    }

    @Test
    void anInvalidObjectAndAnUnknownKindFailTheCheck() throws Exception {
        Path bad = Files.createTempFile(Repository.work(), "bad", ".yaml");
        Files.writeString(bad, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broken
                spec:
                  replicas: two
                  selector:
                    matchLabels:
                      app: broken
                  template:
                    metadata:
                      labels:
                        app: broken
                    spec:
                      containers:
                        - name: broken
                          image: example/broken:1.0
                ---
                apiVersion: example.com/v1
                kind: Gadget
                metadata:
                  name: unknown
                """);

        Result result = run(List.of("node", "validate.mjs", bad.toString()), 120);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).anySatisfy(line -> assertThat(line).startsWith("invalid ")
                .contains("Deployment broken", "/spec/replicas"));
        assertThat(result.lines()).anySatisfy(line -> assertThat(line).startsWith("invalid ")
                .contains("Gadget unknown", "no schema"));
    }

    private static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(NODE.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), output.lines().toList());
    }
}
