package io.backorder.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The committed copies of what quarkus-kubernetes generates, compared as deploy/regenerate.sh writes them: in
 * kustomize's canonical form (quarkus-kubernetes orders labels differently from one build to the next), below a
 * comment header.
 */
final class GeneratedManifests {

    private GeneratedManifests() {
    }

    static String canonical(Path generated) {
        try {
            Path directory = Files.createTempDirectory(Repository.work(), "generated");
            Files.copy(generated, directory.resolve("kubernetes.yml"));
            Files.writeString(directory.resolve("kustomization.yaml"), "resources:\n  - kubernetes.yml\n");
            String canonical = Kubectl.kustomize(directory);
            Overlays.deleteRecursively(directory);
            return canonical;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withoutHeader(String committed) {
        List<String> lines = committed.lines().dropWhile(line -> line.startsWith("#")).toList();
        return String.join("\n", lines) + "\n";
    }

    /** Why the committed copy is not the build's output, or empty when it is. */
    static Optional<String> drift(String service, String committed, String generated) {
        List<String> expected = generated.lines().toList();
        List<String> actual = withoutHeader(committed).lines().toList();
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        int line = 0;
        while (line < expected.size() && line < actual.size() && expected.get(line).equals(actual.get(line))) {
            line++;
        }
        return Optional.of("deploy/base/services/" + service + "/kubernetes.yml is not what the build generates"
                + " (first difference at line " + (line + 1) + " of the manifest: committed '"
                + (line < actual.size() ? actual.get(line) : "<end>") + "', generated '"
                + (line < expected.size() ? expected.get(line) : "<end>") + "'). Run deploy/regenerate.sh and"
                + " commit the result.");
    }
}
