package io.backorder.supplier.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.backorder.supplier.PurchaseOrder;
import io.backorder.supplier.PurchaseOrderStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PurchaseOrderRepository implements PanacheRepositoryBase<PurchaseOrder, String> {

    /** Every change to a purchase order or its lines holds this row lock, so they apply one after another. */
    public Uni<PurchaseOrder> lock(String id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Null when the order does not exist or belongs to another supplier: the caller cannot tell the two apart. */
    public Uni<PurchaseOrder> lockOwned(String id, String supplierId) {
        return find("id = ?1 and supplierId = ?2", id, supplierId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<PurchaseOrder> findOwned(String id, String supplierId) {
        return find("id = ?1 and supplierId = ?2", id, supplierId).firstResult();
    }

    public Uni<List<PurchaseOrder>> search(String supplierId, PurchaseOrderStatus status, String sku, int page,
            int size) {
        Filter filter = new Filter().and("supplierId = :supplier", "supplier", supplierId)
                .and("status = :status", "status", status)
                .and("id in (select l.purchaseOrderId from PurchaseOrderLine l where l.sku = :sku)", "sku", sku);
        return find(filter.query("issuedAt desc, id desc"), filter.parameters()).page(page, size).list();
    }

    /** The next purchase-order number; a database sequence keeps numbers unique across replicas. */
    public Uni<Long> nextNumber() {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("select nextval('purchase_order_number')", Long.class)
                        .getSingleResult());
    }
}
