package io.backorder.supplier.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.CancelCause;
import io.backorder.supplier.PurchaseOrderLine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PurchaseOrderLineRepository implements PanacheRepositoryBase<PurchaseOrderLine, String> {

    public Uni<List<PurchaseOrderLine>> ofOrder(String purchaseOrderId) {
        return list("purchaseOrderId = ?1 order by lineNumber", purchaseOrderId);
    }

    public Uni<List<PurchaseOrderLine>> ofOrders(Collection<String> purchaseOrderIds) {
        return purchaseOrderIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("purchaseOrderId in ?1 order by purchaseOrderId, lineNumber", purchaseOrderIds);
    }

    /** Suppliers that declined this demand or slipped on it: an alternative must come from someone else. */
    public Uni<List<String>> failedSuppliers(String demandId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select distinct supplierId from PurchaseOrderLine where demandId = :demand "
                        + "and cancelCause in :causes", String.class)
                .setParameter("demand", demandId)
                .setParameter("causes", List.of(CancelCause.DECLINED, CancelCause.SLIPPED))
                .getResultList());
    }

    /** Lines of these suppliers that were settled on or after {@code since}: the basis of their statistics. */
    public Uni<List<PurchaseOrderLine>> settledSince(Collection<String> supplierIds, LocalDate since) {
        return supplierIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("supplierId in ?1 and settledOn >= ?2", supplierIds, since);
    }
}
