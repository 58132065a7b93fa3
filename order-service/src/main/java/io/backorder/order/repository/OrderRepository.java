package io.backorder.order.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.order.Order;
import io.backorder.order.OrderStatus;
import io.backorder.support.persistence.SessionSql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /** A child collection of {@link Order#childCollections()} and the table it lives in. */
    private record Child(String attribute, String table) {
    }

    private static final List<Child> CHILDREN = List.of(new Child("lines", "order_line"),
            new Child("holds", "payment_hold"), new Child("shipments", "shipment"),
            new Child("shipmentLines", "shipment_line"), new Child("captures", "payment_capture"),
            new Child("refunds", "payment_refund"), new Child("offers", "offer"));

    /** The order row, locked by the clause appended, with the number of rows of each child collection. */
    private static final String COUNT_CHILDREN = CHILDREN.stream()
            .map(child -> "(select count(*) from " + child.table() + " c where c.order_id = o.id)")
            .collect(Collectors.joining(", ", "select ", " from orders o where o.id = $1 "));

    /**
     * Rows the query reading the order may return: joining two collections multiplies their rows, so large ones
     * are fetched on their own.
     */
    private static final long JOINED_ROWS = 64;

    /**
     * The order with everything its saga needs, locked for the rest of the transaction: saga steps of one order run
     * one after another, on whichever replica. Null when there is no such order.
     */
    public Uni<Order> lockForStep(UUID id) {
        return load(id, "for no key update of o");
    }

    /**
     * The order with its children as one consistent picture, for reading. The children may take more than one
     * statement, so the order row is share-locked for the rest of the transaction: a saga step (which locks it for
     * writing first) cannot commit between them, and a view never shows, say, an accepted offer without its
     * discount. Null when there is no such order.
     */
    public Uni<Order> loadConsistent(UUID id) {
        return load(id, "for share of o");
    }

    public Uni<List<Order>> byStatus(OrderStatus status, boolean needsAttention, int page, int size) {
        String query = needsAttention
                ? "status = ?1 and (paymentAction is not null or attention is not null)"
                : "status = ?1";
        return find(query, Sort.by("placedAt"), status).page(Page.of(page, size)).list();
    }

    /**
     * Locks the order row and counts its children in one statement, then reads the order with as many of its child
     * collections as fit a budget of joined rows in a second one (empty ones are free), and fetches the rest one by
     * one. Every saga step reads the whole aggregate, and most orders fit in the one query: two round trips instead
     * of one per collection. Children change only under the order's lock, so the counts hold for the reads after
     * them; they decide only what is joined, never what is read (a join reads whatever rows exist).
     */
    private Uni<Order> load(UUID id, String lock) {
        return SessionSql.query(COUNT_CHILDREN + lock, new Object[]{id}, OrderRepository::counts)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().nullItem()
                        : withChildren(id, found.get(0)));
    }

    private Uni<Order> withChildren(UUID id, long[] counts) {
        List<String> joined = new ArrayList<>();
        List<String> separate = new ArrayList<>();
        long rows = 1;
        for (int i = 0; i < CHILDREN.size(); i++) {
            long size = Math.max(1, counts[i]);
            if (rows * size <= JOINED_ROWS) {
                rows *= size;
                joined.add(CHILDREN.get(i).attribute());
            } else {
                separate.add(CHILDREN.get(i).attribute());
            }
        }
        return getSession().flatMap(session -> session.createSelectionQuery(withJoined(joined), Order.class)
                .setParameter(1, id)
                .getSingleResultOrNull()
                .flatMap(order -> {
                    Uni<Order> fetched = Uni.createFrom().item(order);
                    for (String attribute : separate) {
                        fetched = fetched.call(() -> session.fetch(order.childCollections().get(attribute)));
                    }
                    return fetched;
                }));
    }

    /**
     * The query for the order with these collections fetched by joins, ordered by each one's sequence so that every
     * ordered set fills in sequence order whatever the row product.
     */
    private static String withJoined(List<String> attributes) {
        StringBuilder query = new StringBuilder("select o from CustomerOrder o");
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < attributes.size(); i++) {
            query.append(" left join fetch o.").append(attributes.get(i)).append(" c").append(i);
            order.append(i == 0 ? " order by " : ", ").append('c').append(i).append(".seq");
        }
        return query.append(" where o.id = ?1").append(order).toString();
    }

    private static long[] counts(Object[] row) {
        long[] counts = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            counts[i] = ((Number) row[i]).longValue();
        }
        return counts;
    }
}
