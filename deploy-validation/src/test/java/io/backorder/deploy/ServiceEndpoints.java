package io.backorder.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The first path segments a service answers under: its resource classes' {@code @Path} and its static resources
 * (META-INF/resources). A public route must lead to one of them.
 */
final class ServiceEndpoints {

    /** A class-level @Path: only annotations between it and the type declaration. */
    private static final Pattern CLASS_PATH = Pattern.compile(
            "@Path\\(\"/?([^/\"{]*)[^\"]*\"\\)\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*(?:public\\s+)?(?:final\\s+)?"
                    + "(?:class|interface|record)\\s");

    private ServiceEndpoints() {
    }

    static Set<String> rootSegments(String service) {
        Path module = Repository.module(service);
        Set<String> segments = new HashSet<>();
        try {
            Path sources = module.resolve("src/main/java");
            if (Files.isDirectory(sources)) {
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                        Matcher matcher = CLASS_PATH.matcher(Files.readString(file));
                        while (matcher.find()) {
                            segments.add(matcher.group(1));
                        }
                    }
                }
            }
            Path statics = module.resolve("src/main/resources/META-INF/resources");
            if (Files.isDirectory(statics)) {
                try (Stream<Path> entries = Files.list(statics)) {
                    entries.forEach(entry -> segments.add(entry.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return segments;
    }

    /** "/c/x" → "c". */
    static String firstSegment(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(0, slash);
    }
}
