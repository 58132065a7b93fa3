package io.backorder.support.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.MessageCatalog;

/** Turns message records into envelopes and envelopes into JSON, and back. */
@ApplicationScoped
public class MessageCodec {

    private final ObjectMapper mapper;
    private final String source;

    public MessageCodec(ObjectMapper mapper, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.mapper = mapper;
        this.source = source;
    }

    public Envelope wrap(Message message, String causationId) {
        return wrap(message, causationId, mapper.valueToTree(message));
    }

    /**
     * A new envelope around the message and its JSON, the same document as {@code write(wrap(message, causationId))}
     * written in one pass: the payload is serialized straight from the record instead of being built as a tree first,
     * which counts when thousands of messages are published at once. The envelope is only good for its header fields.
     */
    public Written wrapAndWrite(Message message, String causationId) {
        Envelope envelope = wrap(message, causationId, mapper.getNodeFactory().pojoNode(message));
        return new Written(envelope, write(envelope));
    }

    /** An envelope and its JSON. */
    public record Written(Envelope envelope, String body) {
    }

    /** The envelope carries the current trace context: consumers continue the trace of the work that published it. */
    private Envelope wrap(Message message, String causationId, JsonNode data) {
        MessageCatalog.Entry entry = MessageCatalog.of(message.getClass());
        Map<String, String> trace = EnvelopeTraceContext.current();
        return Envelope.create(entry.typeName(), source, message.correlationId(), causationId, entry.schemaVersion(),
                data, trace.get(EnvelopeTraceContext.TRACEPARENT), trace.get(EnvelopeTraceContext.TRACESTATE));
    }

    public String write(Envelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize message " + envelope.type(), e);
        }
    }

    public Envelope read(String body) {
        try {
            Envelope envelope = mapper.readValue(body, Envelope.class);
            if (!Envelope.SPEC_VERSION.equals(envelope.specVersion())) {
                throw new InvalidMessageException("Unsupported specversion " + envelope.specVersion());
            }
            return envelope;
        } catch (JsonProcessingException | NullPointerException e) {
            throw new InvalidMessageException("Not a message envelope: " + e.getMessage(), e);
        }
    }

    public <T extends Message> T payload(Envelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidMessageException("Invalid " + envelope.type() + " payload: " + e.getMessage(), e);
        }
    }
}
