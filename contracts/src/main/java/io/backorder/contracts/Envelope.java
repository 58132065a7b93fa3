package io.backorder.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The wire format of every message: a CloudEvents 1.0 structured-mode JSON document. The correlation id is the
 * order or purchase order the message is about; the causation id is the id of the message that caused it.
 * {@code traceparent} and {@code tracestate} are the CloudEvents Distributed Tracing extension: the W3C trace context
 * of the work that published the message, so a trace follows an order through every service. They are optional
 * (messages published outside any trace, and older messages, have none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(
        @JsonProperty("specversion") String specVersion,
        String id,
        String type,
        String source,
        Instant time,
        @JsonProperty("correlationid") String correlationId,
        @JsonProperty("causationid") String causationId,
        @JsonProperty("schemaversion") int schemaVersion,
        @JsonProperty("datacontenttype") String dataContentType,
        JsonNode data,
        String traceparent,
        String tracestate) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    public static Envelope create(String type, String source, String correlationId, String causationId,
            int schemaVersion, JsonNode data, String traceparent, String tracestate) {
        return new Envelope(SPEC_VERSION, UUID.randomUUID().toString(), type, source, Instant.now(), correlationId,
                causationId, schemaVersion, "application/json", data, traceparent, tracestate);
    }

    /** The same message, as if it had occurred at another time. */
    public Envelope withTime(Instant time) {
        return new Envelope(specVersion, id, type, source, time, correlationId, causationId, schemaVersion,
                dataContentType, data, traceparent, tracestate);
    }

    /** The same message, published from within another trace (or from none, with nulls). */
    public Envelope withTraceContext(String traceparent, String tracestate) {
        return new Envelope(specVersion, id, type, source, time, correlationId, causationId, schemaVersion,
                dataContentType, data, traceparent, tracestate);
    }
}
