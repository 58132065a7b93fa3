package io.backorder.supplier.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.backorder.supplier.Supplier;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SupplierRepository implements PanacheRepositoryBase<Supplier, String> {

    /**
     * Locks the supplier rows in id order. Agreement changes of a supplier take this lock before checking that
     * periods do not overlap, so two concurrent imports cannot both pass the check.
     */
    public Uni<List<Supplier>> lockInOrder(Collection<String> ids) {
        return find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<Supplier>> byIds(Collection<String> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }
}
