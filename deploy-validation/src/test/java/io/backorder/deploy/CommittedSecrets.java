package io.backorder.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * No credential is committed under deploy/: Secrets come from kustomize's secretGenerator fed by files that
 * deploy/.gitignore keeps out of git, each with a committed {@code .example} whose secret values are placeholders;
 * no committed manifest holds a Secret's data, no generator has literals, no file holds a private key.
 */
final class CommittedSecrets {

    static final String PLACEHOLDER = "change-me";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CommittedSecrets() {
    }

    static List<String> violations(Path deploy) {
        GitIgnore ignore = GitIgnore.of(deploy.resolve(".gitignore"));
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(deploy)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = deploy.relativize(file);
                if (ignore.ignores(relative)) {
                    continue;
                }
                String text = Files.readString(file);
                String name = file.getFileName().toString();
                if (text.contains("PRIVATE KEY-----")) {
                    violations.add(relative + " holds a private key");
                }
                if (name.endsWith(Overlays.EXAMPLE)) {
                    checkExample(relative, text, violations);
                } else if (name.endsWith(".env")) {
                    violations.add(relative + " is committed: credentials files belong in deploy/.gitignore");
                } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    for (Map<String, Object> document : documents(text)) {
                        checkDocument(deploy, ignore, relative, document, violations);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    private static void checkExample(Path relative, String text, List<String> violations) {
        for (String line : text.lines().toList()) {
            int equals = line.indexOf('=');
            if (line.startsWith("#") || equals < 0) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (SecretValueCheck.SENSITIVE.matcher(key).matches() && !value.isEmpty() && !value.equals(PLACEHOLDER)) {
                violations.add(relative + " gives " + key + " a value: use " + PLACEHOLDER);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkDocument(Path deploy, GitIgnore ignore, Path relative, Map<String, Object> document,
            List<String> violations) {
        if ("Secret".equals(document.get("kind"))
                && (document.get("data") != null || document.get("stringData") != null)) {
            violations.add(relative + " holds a Secret's data");
        }
        for (Map<String, Object> generator : (List<Map<String, Object>>) document.getOrDefault("secretGenerator",
                List.of())) {
            String where = relative + " secretGenerator " + generator.get("name");
            if (generator.get("literals") != null) {
                violations.add(where + " has literal values");
            }
            List<String> sources = new ArrayList<>();
            sources.addAll((List<String>) generator.getOrDefault("envs", List.of()));
            for (String file : (List<String>) generator.getOrDefault("files", List.of())) {
                sources.add(file.contains("=") ? file.substring(file.indexOf('=') + 1) : file);
            }
            for (String source : sources) {
                Path sourcePath = deploy.relativize(deploy.resolve(relative).getParent().resolve(source).normalize());
                if (!ignore.ignores(sourcePath)) {
                    violations.add(where + " reads " + sourcePath + ", which deploy/.gitignore does not keep out");
                }
                if (!Files.exists(deploy.resolve(sourcePath + Overlays.EXAMPLE))) {
                    violations.add(where + " reads " + sourcePath + ", which has no committed " + Overlays.EXAMPLE);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String text) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (MappingIterator<Object> iterator = YAML.readerFor(Object.class).readValues(text)) {
            while (iterator.hasNext()) {
                if (iterator.next() instanceof Map<?, ?> map) {
                    documents.add((Map<String, Object>) map);
                }
            }
        }
        return documents;
    }
}
