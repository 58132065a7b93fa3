package io.backorder.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The overlays of deploy/, rendered with {@code kubectl kustomize}. They are rendered from a copy of the committed
 * files in which every credential or key file that deploy/.gitignore keeps out of git is its committed
 * {@code .example}: the validation sees what a fresh clone holds, never an operator's local secrets.
 */
final class Overlays {

    static final String EXAMPLE = ".example";

    /** An overlay's rendered YAML, the file it was written to (for the schema check) and its objects. */
    record Rendering(String overlay, Path file, String yaml, Manifest manifest) {
    }

    private static final Map<String, Rendering> RENDERED = new ConcurrentHashMap<>();
    private static Path tree;

    private Overlays() {
    }

    static List<String> names() {
        try (Stream<Path> overlays = Files.list(Repository.deploy().resolve("overlays"))) {
            return overlays.filter(dir -> Files.exists(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rendering rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Overlays::render);
    }

    private static Rendering render(String overlay) {
        String yaml = Kubectl.kustomize(committedTree().resolve("overlays").resolve(overlay));
        Path file = Repository.work().resolve("rendered").resolve(overlay + ".yaml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendering(overlay, file, yaml, Manifest.parse(yaml));
    }

    /** deploy/ as a fresh clone has it, with the examples in place of the files that are never committed. */
    static synchronized Path committedTree() {
        if (tree == null) {
            tree = materialize(Repository.deploy(), Repository.work().resolve("deploy-committed"));
        }
        return tree;
    }

    static Path materialize(Path deploy, Path target) {
        GitIgnore ignore = GitIgnore.of(deploy.resolve(".gitignore"));
        try {
            deleteRecursively(target);
            try (Stream<Path> files = Files.walk(deploy)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path relative = deploy.relativize(file);
                    if (ignore.ignores(relative)) {
                        continue;
                    }
                    Path copy = target.resolve(relative.toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                    String name = file.getFileName().toString();
                    if (name.endsWith(EXAMPLE)) {
                        Files.copy(file, copy.resolveSibling(name.substring(0, name.length() - EXAMPLE.length())));
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
