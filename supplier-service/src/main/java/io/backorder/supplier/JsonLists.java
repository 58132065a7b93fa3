package io.backorder.supplier;

import java.util.List;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Stores lists as JSON text columns. The mapper is the database's own, independent of how REST renders JSON, so
 * what is stored stays readable whatever the API does.
 */
public abstract class JsonLists<T> implements AttributeConverter<List<T>, String> {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final TypeReference<List<T>> type;

    protected JsonLists(TypeReference<List<T>> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(List<T> list) {
        try {
            return MAPPER.writeValueAsString(list == null ? List.of() : list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store a list as JSON", e);
        }
    }

    @Override
    public List<T> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON list is unreadable", e);
        }
    }

    public static class PriceBreaks extends JsonLists<PriceBreak> {

        public PriceBreaks() {
            super(new TypeReference<>() {
            });
        }
    }

    public static class Strings extends JsonLists<String> {

        public Strings() {
            super(new TypeReference<>() {
            });
        }
    }

    public static class Doubles extends JsonLists<Double> {

        public Doubles() {
            super(new TypeReference<>() {
            });
        }
    }

    public static class Offers extends JsonLists<Offer> {

        public Offers() {
            super(new TypeReference<>() {
            });
        }
    }
}
