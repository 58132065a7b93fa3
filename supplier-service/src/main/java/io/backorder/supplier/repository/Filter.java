package io.backorder.supplier.repository;

import io.quarkus.panache.common.Parameters;

/** A query of optional criteria: a criterion whose value is null is left out. */
final class Filter {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters parameters = new Parameters();

    /** @param clause a condition using {@code :name} */
    Filter and(String clause, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            parameters.and(name, value);
        }
        return this;
    }

    String query(String orderBy) {
        return where + " order by " + orderBy;
    }

    Parameters parameters() {
        return parameters;
    }
}
