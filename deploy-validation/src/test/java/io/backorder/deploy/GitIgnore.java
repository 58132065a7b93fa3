package io.backorder.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * The patterns of one .gitignore file, for paths relative to its directory: enough of git's rules for deploy/'s
 * own (globs, patterns anchored by a slash, negation; the last matching pattern decides).
 */
final class GitIgnore {

    private record Rule(PathMatcher matcher, boolean negated) {
    }

    private final List<Rule> rules;

    private GitIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static GitIgnore of(Path gitignore) {
        try {
            return parse(Files.exists(gitignore) ? Files.readAllLines(gitignore) : List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GitIgnore parse(List<String> lines) {
        return new GitIgnore(lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(GitIgnore::rule)
                .toList());
    }

    private static Rule rule(String line) {
        boolean negated = line.startsWith("!");
        String pattern = negated ? line.substring(1) : line;
        if (pattern.startsWith("/")) {
            pattern = pattern.substring(1);
        }
        // without a slash a pattern matches a name at any depth
        String glob = pattern.contains("/") ? pattern : "{" + pattern + ",**/" + pattern + "}";
        return new Rule(FileSystems.getDefault().getPathMatcher("glob:" + glob), negated);
    }

    boolean ignores(Path relative) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (rule.matcher().matches(relative)) {
                ignored = !rule.negated();
            }
        }
        return ignored;
    }
}
