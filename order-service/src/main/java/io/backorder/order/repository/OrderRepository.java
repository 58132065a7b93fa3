package io.backorder.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.mutiny.Mutiny;

import io.backorder.order.Order;
import io.backorder.order.OrderStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /**
     * The order with everything its saga needs, locked for the rest of the transaction: saga steps of one order run
     * one after another, on whichever replica. Null when there is no such order.
     */
    public Uni<Order> lockForStep(UUID id) {
        return getSession().flatMap(session -> session.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(order -> order == null ? Uni.createFrom().nullItem() : withChildren(session, order)));
    }

    /**
     * The order with its children as one consistent picture, for reading. The children are read by several
     * statements, so the order row is share-locked for the rest of the transaction: a saga step (which locks it for
     * writing first) cannot commit between them, and a view never shows, say, an accepted offer without its
     * discount. Null when there is no such order.
     */
    public Uni<Order> loadConsistent(UUID id) {
        return getSession().flatMap(session -> session.find(Order.class, id, LockModeType.PESSIMISTIC_READ)
                .flatMap(order -> order == null ? Uni.createFrom().nullItem() : withChildren(session, order)));
    }

    public Uni<List<Order>> byStatus(OrderStatus status, boolean needsAttention, int page, int size) {
        String query = needsAttention
                ? "status = ?1 and (paymentAction is not null or attention is not null)"
                : "status = ?1";
        return find(query, Sort.by("placedAt"), status).page(Page.of(page, size)).list();
    }

    private static Uni<Order> withChildren(Mutiny.Session session, Order order) {
        Uni<Void> fetched = Uni.createFrom().voidItem();
        for (List<?> children : order.childCollections()) {
            fetched = fetched.chain(() -> session.fetch(children)).replaceWithVoid();
        }
        return fetched.replaceWith(order);
    }
}
