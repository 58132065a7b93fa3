package io.backorder.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.order.PaymentOperation;
import io.backorder.order.PaymentOperationStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PaymentOperationRepository implements PanacheRepositoryBase<PaymentOperation, UUID> {

    public Uni<List<PaymentOperation>> pending(int page, int size) {
        return find("status = ?1", Sort.by("createdAt"), PaymentOperationStatus.PENDING)
                .page(Page.of(page, size))
                .list();
    }
}
