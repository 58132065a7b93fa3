package io.backorder.inventory.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.backorder.inventory.Stock;
import io.backorder.inventory.StockId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StockRepository implements PanacheRepositoryBase<Stock, StockId> {

    /** Call only after {@link SkuRepository#lockInOrder} for the same SKUs. */
    public Uni<List<Stock>> lockForSkus(Collection<String> skus) {
        return find("id.sku in ?1 order by id.sku, id.locationId", skus)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public Uni<List<Stock>> forSku(String sku) {
        return list("id.sku = ?1 order by id.locationId", sku);
    }

    public Uni<List<Stock>> forSkus(Collection<String> skus) {
        return list("id.sku in ?1 order by id.sku, id.locationId", skus);
    }
}
