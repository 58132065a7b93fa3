package io.backorder.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.notification.CustomerOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerOrderRepository implements PanacheRepositoryBase<CustomerOrder, UUID> {

    private static final String LOCK = "select order_id from customer_order where order_id = ?1 for update";

    /**
     * Every change to an order's messages takes this row lock first, so changes to one order serialize. Locked with
     * SQL rather than a lock mode: Hibernate Reactive's lock upgrade of an order already in the session selects a
     * column that does not exist.
     */
    public Uni<CustomerOrder> lock(UUID orderId) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(LOCK).setParameter(1, orderId).getResultList())
                .flatMap(locked -> locked.isEmpty() ? Uni.createFrom().nullItem() : findById(orderId));
    }
}
