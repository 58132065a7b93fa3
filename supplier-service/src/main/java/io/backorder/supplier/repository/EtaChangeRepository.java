package io.backorder.supplier.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.EtaChange;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EtaChangeRepository implements PanacheRepositoryBase<EtaChange, Long> {

    public Uni<List<EtaChange>> ofLines(Collection<String> lineIds) {
        return lineIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("purchaseOrderLineId in ?1 order by id", lineIds);
    }
}
