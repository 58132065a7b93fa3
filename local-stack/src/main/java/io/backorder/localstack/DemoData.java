package io.backorder.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads demo data through the services' public APIs, as an operator would. The requests live in
 * {@code demo-data.json}. Stock adjustments add up, so the data is loaded once per data directory.
 */
public final class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RELATIVE_DATE = Pattern.compile("\\{\\{today\\+(\\d+)}}");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Suite suite;

    public DemoData(Suite suite) {
        this.suite = suite;
    }

    record DemoRequest(SuiteService service, String method, String path, String role, JsonNode body) {
    }

    /** Loads the demo data unless this data directory has it already; returns whether it loaded. */
    public boolean loadOnce(Path dataDir) {
        Path marker = dataDir.resolve("demo-data-loaded");
        if (Files.exists(marker)) {
            return false;
        }
        for (DemoRequest request : requests()) {
            send(request);
        }
        try {
            Files.writeString(marker, "loaded\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private void send(DemoRequest request) {
        String base = suite.baseUrl(request.service());
        String token = switch (request.role()) {
            case "operator" -> suite.keys().operatorToken();
            case "platform" -> suite.keys().platformToken();
            default -> throw new IllegalStateException("Unknown role in demo data: " + request.role());
        };
        int status = status(request.method(), base + request.path(), token, request.body());
        if (status >= 300) {
            throw new IllegalStateException("Demo data request " + request.method() + " " + request.path()
                    + " to " + request.service() + " failed with HTTP " + status);
        }
    }

    private int status(String method, String url, String token, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        builder.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                LOG.warnf("%s %s -> %d %s", method, url, response.statusCode(), response.body());
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        }
    }

    private static List<DemoRequest> requests() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo-data.json")) {
            String json = withRelativeDates(new String(in.readAllBytes(), StandardCharsets.UTF_8), LocalDate.now());
            return List.of(JSON.readValue(json, DemoRequest[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo-data.json", e);
        }
    }

    /** {@code {{today+N}}} becomes the date N days from today, so the demo stays in the future. */
    static String withRelativeDates(String json, LocalDate today) {
        Matcher matcher = RELATIVE_DATE.matcher(json);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, today.plusDays(Long.parseLong(matcher.group(1))).toString());
        }
        return matcher.appendTail(out).toString();
    }
}
