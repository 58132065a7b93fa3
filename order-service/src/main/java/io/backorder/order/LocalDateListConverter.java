package io.backorder.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A short list of dates as one comma-separated column (a line's earlier promise dates). */
@Converter
public class LocalDateListConverter implements AttributeConverter<List<LocalDate>, String> {

    @Override
    public String convertToDatabaseColumn(List<LocalDate> dates) {
        return dates == null || dates.isEmpty()
                ? null
                : dates.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    @Override
    public List<LocalDate> convertToEntityAttribute(String column) {
        return column == null || column.isBlank()
                ? new ArrayList<>()
                : Arrays.stream(column.split(",")).map(LocalDate::parse).collect(Collectors.toList());
    }
}
