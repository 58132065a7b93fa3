package io.backorder.supplier.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.Shipment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {

    public Uni<List<Shipment>> ofOrder(String purchaseOrderId) {
        return list("purchaseOrderId = ?1 order by advisedAt, id", purchaseOrderId);
    }
}
