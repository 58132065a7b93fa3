package io.backorder.inventory.repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.support.persistence.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Set-based SQL for the few paths that touch thousands of rows in one transaction (allocating a large receipt,
 * recomputing a long queue's promises). Rows go in either as one array parameter per column read with {@code unnest}
 * (the hot allocation paths: binary, nothing to write and parse as JSON) or as one JSON parameter read with
 * {@code json_to_recordset} (the parameter is cast through text: the reactive driver would otherwise send a Java
 * string for a json parameter as a JSON string scalar); one statement per chunk either way. Rows come out as plain
 * values, never managed entities. The hottest of them ({@link #query}) go straight to the session's own connection,
 * past Hibernate's parsing of the SQL and its processing of the results.
 */
final class SqlRows {

    /** Rows per statement: bounds the size of one JSON parameter. */
    static final int CHUNK = 5000;

    /** Select timestamps as microseconds since the epoch: the driver's temporal types differ between drivers. */
    static String micros(String column) {
        return "cast(extract(epoch from " + column + ") * 1000000 as bigint)";
    }

    private SqlRows() {
    }

    /** Runs {@code sql} (with the JSON rows as parameter 1) once per chunk; returns the rows it changed. */
    static Uni<Integer> execute(ObjectMapper json, String sql, List<?> rows) {
        Uni<Integer> total = Uni.createFrom().item(0);
        for (int from = 0; from < rows.size(); from += CHUNK) {
            String payload = write(json, rows.subList(from, Math.min(rows.size(), from + CHUNK)));
            total = total.chain(done -> Panache.getSession()
                    .chain(session -> session.createNativeQuery(sql).setParameter(1, payload).executeUpdate())
                    .map(changed -> done + changed));
        }
        return total;
    }

    /** Runs {@code sql} with these parameters; returns the rows it changed. */
    static Uni<Integer> update(String sql, List<Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query.executeUpdate();
        });
    }

    /**
     * One column of the rows as an array parameter, for statements reading rows with {@code unnest}: bound in the
     * driver's binary format, so nothing has to be written as JSON and parsed again.
     */
    static <T, C> C[] column(List<T> rows, Function<T, C> value, IntFunction<C[]> array) {
        C[] column = array.apply(rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }

    /** Splits rows into chunks of about {@link #CHUNK}, never separating rows with the same key. */
    static <T> List<List<T>> chunks(List<T> rows, Function<T, Object> key) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> chunk = new ArrayList<>();
        Object previous = null;
        for (T row : rows) {
            Object current = key.apply(row);
            if (chunk.size() >= CHUNK && !current.equals(previous)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
            chunk.add(row);
            previous = current;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    static <T> Uni<List<T>> select(String sql, List<Object> parameters, Function<Object[], T> mapper) {
        return Panache.getSession().chain(session -> {
            // A single column comes back as the value itself, several as an array.
            var query = session.createNativeQuery(sql, Object.class);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query.getResultList();
        })
                .map(rows -> rows.stream()
                        .map(row -> mapper.apply(row instanceof Object[] columns
                                ? columns
                                : new Object[]{row}))
                        .toList());
    }

    /**
     * Runs {@code sql} (with {@code $1}, {@code $2}... placeholders) on the session's connection, inside its
     * transaction, and maps the rows ({@link SessionSql#query}): past Hibernate Reactive's native-query parsing and
     * its reading of every value, which cost more than the statement itself for the thousands of rows an allocation
     * reads or writes. Like every bulk statement here it bypasses the persistence context: callers have flushed it.
     * Rows come as the driver's values, read with the helpers below.
     */
    static <T> Uni<List<T>> query(String sql, Object[] parameters, Function<Object[], T> mapper) {
        return SessionSql.query(sql, parameters, mapper);
    }

    /** Like {@link #query} for a statement without rows; returns how many rows it changed. */
    static Uni<Integer> change(String sql, Object[] parameters) {
        return SessionSql.change(sql, parameters);
    }

    static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize rows for a bulk statement", e);
        }
    }

    static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    static int integer(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    static long longValue(Object value) {
        return ((Number) value).longValue();
    }

    static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    static Double doubleValue(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static boolean bool(Object value) {
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    static String string(Object value) {
        return value == null ? null : value.toString();
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    static Instant instantFromMicros(Object value) {
        return value == null ? null : Instant.EPOCH.plus(longValue(value), ChronoUnit.MICROS);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, Object value) {
        return value == null ? null : Enum.valueOf(type, value.toString());
    }
}
