package io.backorder.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code kubectl kustomize}, offline: renders a kustomization directory to YAML. */
final class Kubectl {

    private static final long TIMEOUT_SECONDS = 60;

    private Kubectl() {
    }

    static String kustomize(Path directory) {
        String kubectl = System.getProperty("kubectl", "kubectl");
        try {
            Path stderr = Files.createTempFile(Repository.work(), "kubectl", ".err");
            Process process = new ProcessBuilder(List.of(kubectl, "kustomize", directory.toString()))
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            // read before waiting: a full pipe would block kubectl
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new KustomizeException(directory, "did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String errors = Files.readString(stderr);
            Files.delete(stderr);
            if (process.exitValue() != 0) {
                throw new KustomizeException(directory, errors.strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + kubectl + " (set -Dkubectl=<path>)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class KustomizeException extends RuntimeException {

        KustomizeException(Path directory, String message) {
            super("kubectl kustomize " + directory + " failed: " + message);
        }
    }
}
