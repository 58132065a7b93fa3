package io.backorder.inventory.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.backorder.inventory.Sku;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SkuRepository implements PanacheRepositoryBase<Sku, String> {

    /**
     * Locks the SKU rows in SKU order. Every change to a SKU's stock or backorder queue takes this lock first, so
     * concurrent reservations of the same units serialize, and a fixed order rules out deadlocks.
     */
    public Uni<List<Sku>> lockInOrder(Collection<String> skus) {
        return find("sku in ?1 order by sku", skus).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
