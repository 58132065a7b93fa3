package io.backorder.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The configuration a service cannot run without in a cluster, derived from its own configuration: the shared
 * defaults of service-support, its application.properties (prod profile) and its pom.
 * <ul>
 * <li>a datasource needs its reactive and JDBC URLs and credentials;</li>
 * <li>AMQP channels need the broker's host, port and credentials;</li>
 * <li>token verification needs a public key (inline or a location);</li>
 * <li>the mailer needs its SMTP host, port and sender;</li>
 * <li>a value pointing at the local machine (localhost, 127.0.0.1, ::1) is meant for a developer's machine and must
 * be overridden;</li>
 * <li>a key set for the dev and test profiles only has no production default and must be provided;</li>
 * <li>a provider chosen by value needs that provider's credentials ({@link #SELECTED_PROVIDERS}).</li>
 * </ul>
 */
final class RequiredConfig {

    /** Provided when any of the keys is; {@code keys} are MicroProfile Config names. */
    record Requirement(List<String> keys, String reason) {

        static Requirement of(String key, String reason) {
            return new Requirement(List.of(key), reason);
        }

        List<String> environmentNames() {
            return keys.stream().map(RequiredConfig::environmentName).toList();
        }
    }

    /** When {@code key} is set to {@code value}, the {@code required} keys are required as well. */
    record WhenSelected(String key, String value, List<String> required) {
    }

    /** Choices whose consequences no configuration file states: each provider's credentials. */
    static final List<WhenSelected> SELECTED_PROVIDERS = List.of(
            new WhenSelected("order.payment.provider", "stripe", List.of("order.payment.stripe.api-key")),
            new WhenSelected("backorder.notification.sms.provider", "twilio",
                    List.of("backorder.notification.sms.twilio.account-sid",
                            "backorder.notification.sms.twilio.auth-token")));

    private static final Pattern LOCAL_ADDRESS = Pattern.compile("localhost|127\\.0\\.0\\.1|\\[?::1]?");
    private static final Pattern AMQP_CONNECTOR = Pattern
            .compile("mp\\.messaging\\.(incoming|outgoing)\\..+\\.connector");

    private RequiredConfig() {
    }

    static List<Requirement> of(String service) {
        try {
            return derive(load(Repository.sharedProperties()), load(Repository.applicationProperties(service)),
                    Files.readString(Repository.module(service).resolve("pom.xml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Requirement> derive(Properties shared, Properties application, String pom) {
        Map<String, String> all = new LinkedHashMap<>();
        shared.stringPropertyNames().forEach(key -> all.put(key, shared.getProperty(key)));
        application.stringPropertyNames().forEach(key -> all.put(key, application.getProperty(key)));
        Map<String, String> production = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (!key.startsWith("%")) {
                production.putIfAbsent(key, value);
            }
        });
        all.forEach((key, value) -> {
            if (key.startsWith("%prod.")) {
                production.put(key.substring("%prod.".length()), value);
            }
        });

        List<Requirement> requirements = new ArrayList<>();
        if (production.containsKey("quarkus.datasource.db-kind")) {
            for (String key : List.of("quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url",
                    "quarkus.datasource.username", "quarkus.datasource.password")) {
                requirements.add(Requirement.of(key, "the service has a database"));
            }
        }
        boolean amqp = production.entrySet()
                .stream()
                .anyMatch(entry -> AMQP_CONNECTOR.matcher(entry.getKey()).matches()
                        && entry.getValue().equals("smallrye-amqp"));
        if (amqp) {
            for (String key : List.of("amqp-host", "amqp-port", "amqp-username", "amqp-password")) {
                requirements.add(Requirement.of(key, "the service has AMQP channels"));
            }
        }
        if (production.containsKey("mp.jwt.verify.issuer")) {
            requirements.add(new Requirement(List.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location"),
                    "the service verifies bearer tokens"));
        }
        boolean mailer = pom.contains("<artifactId>quarkus-mailer</artifactId>")
                || production.keySet().stream().anyMatch(key -> key.startsWith("quarkus.mailer."));
        if (mailer) {
            for (String key : List.of("quarkus.mailer.host", "quarkus.mailer.port", "quarkus.mailer.from")) {
                requirements.add(Requirement.of(key, "the service sends mail"));
            }
        }
        production.forEach((key, value) -> {
            if (LOCAL_ADDRESS.matcher(value).find()) {
                requirements.add(Requirement.of(key, "its default (" + value + ") is the local machine"));
            }
        });
        all.keySet()
                .stream()
                .filter(key -> key.startsWith("%dev."))
                .map(key -> key.substring("%dev.".length()))
                .filter(key -> all.containsKey("%test." + key) && !production.containsKey(key))
                .forEach(key -> requirements.add(Requirement.of(key, "it is set for dev and test only")));
        return requirements.stream().distinct().filter(distinctKeys()).toList();
    }

    /** MicroProfile Config's environment variable for a property: non-alphanumerics to _, upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static java.util.function.Predicate<Requirement> distinctKeys() {
        var seen = new java.util.HashSet<List<String>>();
        return requirement -> seen.add(requirement.keys());
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
