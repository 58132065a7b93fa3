package io.backorder.inventory.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.inventory.InboundSupply;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboundSupplyRepository implements PanacheRepositoryBase<InboundSupply, UUID> {

    public Uni<List<InboundSupply>> openForSku(String sku) {
        return list("sku = ?1 and status = 'OPEN' order by eta nulls last", sku);
    }
}
