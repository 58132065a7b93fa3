package io.backorder.support.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * SQL on the current Hibernate Reactive session's own connection, inside its transaction, for the hot statements
 * of a service: it skips Hibernate Reactive's native-query machinery (parsing the SQL for parameters, a query plan
 * per statement, reading every value through a JDBC-style adaptor), which costs more than a short statement itself.
 * Like any native statement it bypasses the persistence context: callers flush it first when the statement reads
 * what the session may have changed. Statements use {@code $1}, {@code $2}... placeholders; parameters are values the
 * reactive driver binds as they are (arrays for {@code any} and {@code unnest}, no collections); rows come as the
 * driver's values.
 */
public final class SessionSql {

    private SessionSql() {
    }

    /** Runs {@code sql} and maps its rows. */
    public static <T> Uni<List<T>> query(String sql, Object[] parameters, Function<Object[], T> mapper) {
        return connection().chain(connection -> Uni.createFrom()
                .completionStage(() -> connection.select(sql, parameters))
                .map(result -> {
                    List<T> rows = new ArrayList<>(result.size());
                    while (result.hasNext()) {
                        rows.add(mapper.apply(result.next()));
                    }
                    return rows;
                }));
    }

    /** Like {@link #query} for a statement without rows; returns how many rows it changed. */
    public static Uni<Integer> change(String sql, Object[] parameters) {
        return connection().chain(connection -> Uni.createFrom()
                .completionStage(() -> connection.update(sql, parameters)));
    }

    /** The connection of the current session, in its transaction; the session class is Hibernate Reactive 3's. */
    private static Uni<ReactiveConnection> connection() {
        return Panache.getSession().map(session -> {
            if (session instanceof MutinySessionImpl impl) {
                return impl.getReactiveConnection();
            }
            throw new IllegalStateException("Unexpected Hibernate Reactive session " + session.getClass().getName()
                    + "; SessionSql needs the session's connection");
        });
    }
}
