package io.backorder.order.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;

/**
 * The reactive pool as Quarkus configures it, with a prepared-statement cache that also keeps long statements. The
 * driver prepares a statement longer than 2,048 characters (its default limit) again on every execution, and
 * PostgreSQL parses and plans it again: the query that reads an order with its collections
 * ({@link OrderRepository}) is about 2,500 characters and runs in every saga step.
 */
@ApplicationScoped
public class PreparedStatementLimit implements PgPoolCreator {

    /** Characters; the longest statement Hibernate writes for this service is well below. */
    static final int CACHED_SQL_LIMIT = 8192;

    @Override
    public Pool create(Input input) {
        List<SqlConnectOptions> databases = new ArrayList<>();
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            databases.add(options.setPreparedStatementCacheSqlLimit(CACHED_SQL_LIMIT));
        }
        return PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(databases)
                .using(input.vertx())
                .build();
    }
}
