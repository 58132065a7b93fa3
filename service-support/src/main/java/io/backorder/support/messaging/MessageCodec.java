package io.backorder.support.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        MessageCatalog.Entry entry = MessageCatalog.of(message.getClass());
        return Envelope.create(entry.typeName(), source, message.correlationId(), causationId, entry.schemaVersion(),
                mapper.valueToTree(message));
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
