package io.backorder.inventory.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.inventory.Receipt;
import io.backorder.inventory.ReceiptLine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReceiptRepository implements PanacheRepositoryBase<Receipt, UUID> {

    public Uni<Receipt> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResult();
    }

    public Uni<List<ReceiptLine>> lines(UUID receiptId) {
        return Panache.getSession()
                .chain(session -> session
                        .createSelectionQuery("from ReceiptLine where id.receiptId = ?1 order by id.lineNo",
                                ReceiptLine.class)
                        .setParameter(1, receiptId)
                        .getResultList());
    }
}
