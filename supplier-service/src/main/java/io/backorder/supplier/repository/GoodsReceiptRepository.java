package io.backorder.supplier.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.GoodsReceipt;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GoodsReceiptRepository implements PanacheRepositoryBase<GoodsReceipt, UUID> {

    public Uni<List<GoodsReceipt>> ofOrder(String purchaseOrderId) {
        return list("purchaseOrderId = ?1 order by recordedAt", purchaseOrderId);
    }

    public Uni<Boolean> recorded(String receiptKey) {
        return count("receiptKey", receiptKey).map(count -> count > 0);
    }
}
