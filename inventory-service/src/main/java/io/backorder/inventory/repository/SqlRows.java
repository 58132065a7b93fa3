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

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Set-based SQL for the few paths that touch thousands of rows in one transaction (allocating a large receipt,
 * recomputing a long queue's promises). Rows go in as one array parameter per column read with {@code unnest}
 * (binary, nothing to write and parse as JSON), one statement per chunk. Rows come out as plain
 * values, never managed entities. The hottest of them go straight to the session's own connection ({@code SessionSql}),
 * past Hibernate's parsing of the SQL and its processing of the results.
 */
final class SqlRows {

    /** Rows per statement: bounds the size of one statement's array parameters. */
    static final int CHUNK = 5000;

    /** Select timestamps as microseconds since the epoch: the driver's temporal types differ between drivers. */
    static String micros(String column) {
        return "cast(extract(epoch from " + column + ") * 1000000 as bigint)";
    }

    private SqlRows() {
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
