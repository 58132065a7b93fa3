package io.backorder.order;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An offer's options as a JSON column: they are written once and always read with the offer. */
@Converter
public class OfferOptionsConverter implements AttributeConverter<List<OfferOption>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<OfferOption>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<OfferOption> options) {
        try {
            return options == null || options.isEmpty() ? null : JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store offer options", e);
        }
    }

    @Override
    public List<OfferOption> convertToEntityAttribute(String column) {
        try {
            return column == null ? new ArrayList<>() : new ArrayList<>(JSON.readValue(column, TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read offer options", e);
        }
    }
}
