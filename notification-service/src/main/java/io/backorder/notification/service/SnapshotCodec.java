package io.backorder.notification.service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.contracts.notification.OfferSnapshot;
import io.backorder.contracts.notification.OrderSnapshot;
import io.backorder.notification.CustomerOrder;
import io.backorder.notification.Offer;

/** The JSON columns: snapshots as the saga sent them, and promise dates as the customer last saw them. */
@ApplicationScoped
public class SnapshotCodec {

    private static final TypeReference<Map<UUID, LocalDate>> PROMISES = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public SnapshotCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public OrderSnapshot order(CustomerOrder order) {
        return read(order.snapshot, OrderSnapshot.class);
    }

    public OfferSnapshot offer(Offer offer) {
        return read(offer.snapshot, OfferSnapshot.class);
    }

    /** Line id to promise date, for the lines that have one. */
    public String promisesOf(OrderSnapshot order) {
        Map<UUID, LocalDate> promises = new LinkedHashMap<>();
        if (order.lines() != null) {
            order.lines()
                    .stream()
                    .filter(line -> line.promiseDate() != null)
                    .forEach(line -> promises.put(line.lineId(), line.promiseDate()));
        }
        return write(promises);
    }

    public Map<UUID, LocalDate> promises(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, PROMISES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable promise dates", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName(), e);
        }
    }
}
