package io.backorder.supplier.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.ShipmentLine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ShipmentLineRepository implements PanacheRepositoryBase<ShipmentLine, Long> {

    public Uni<List<ShipmentLine>> ofShipments(Collection<UUID> shipmentIds) {
        return shipmentIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("shipmentId in ?1 order by id", shipmentIds);
    }
}
