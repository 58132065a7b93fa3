package io.backorder.inventory.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.inventory.InboundSupply;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboundSupplyRepository implements PanacheRepositoryBase<InboundSupply, UUID> {

    public Uni<List<InboundSupply>> openForSku(String sku) {
        return list("sku = ?1 and status = 'OPEN' order by eta nulls last, purchaseOrderLineId", sku);
    }

    public Uni<List<InboundSupply>> openForSkus(Collection<String> skus) {
        return list("sku in ?1 and status = 'OPEN' order by sku, eta nulls last, purchaseOrderLineId", skus);
    }

    public Uni<List<InboundSupply>> byPurchaseOrderLines(Collection<String> purchaseOrderLineIds) {
        return list("purchaseOrderLineId in ?1", purchaseOrderLineIds);
    }

    public Uni<InboundSupply> byPurchaseOrderLine(String purchaseOrderLineId) {
        return find("purchaseOrderLineId", purchaseOrderLineId).firstResult();
    }

    /** The SKU of a purchase-order line, read without loading the line: callers lock the SKU before the line. */
    public Uni<String> skuOfPurchaseOrderLine(String purchaseOrderLineId) {
        return find("select sku from InboundSupply where purchaseOrderLineId = ?1", purchaseOrderLineId)
                .project(String.class)
                .firstResult();
    }
}
