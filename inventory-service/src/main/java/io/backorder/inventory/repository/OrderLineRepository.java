package io.backorder.inventory.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.inventory.OrderLine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrderLineRepository implements PanacheRepositoryBase<OrderLine, UUID> {

    public Uni<List<OrderLine>> byIds(Collection<UUID> lineIds) {
        return list("lineId in ?1", lineIds);
    }

    public Uni<List<OrderLine>> byOrder(UUID orderId) {
        return list("orderId = ?1 order by createdAt, lineId", orderId);
    }

    /** Units of the SKU waiting for supply right now. */
    public Uni<Long> backorderedUnits(String sku) {
        return find("select coalesce(sum(backordered), 0) from OrderLine where sku = ?1 and backordered > 0", sku)
                .project(Long.class)
                .singleResult();
    }
}
