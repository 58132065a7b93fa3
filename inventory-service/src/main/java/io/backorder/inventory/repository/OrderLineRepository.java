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

    /** Units of the SKU waiting for supply right now. */
    public Uni<Long> backorderedUnits(String sku) {
        return find("select coalesce(sum(backordered), 0) from OrderLine where sku = ?1 and backordered > 0", sku)
                .project(Long.class)
                .singleResult();
    }

    /** The SKU of a line, read without loading the line: callers lock the SKU before the line. */
    public Uni<String> skuOf(UUID lineId) {
        return find("select sku from OrderLine where lineId = ?1", lineId).project(String.class).firstResult();
    }
}
