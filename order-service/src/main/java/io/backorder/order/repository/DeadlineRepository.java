package io.backorder.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.order.Deadline;
import io.backorder.order.DeadlineKind;
import io.backorder.order.DeadlineStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeadlineRepository implements PanacheRepositoryBase<Deadline, UUID> {

    public Uni<Integer> cancel(UUID orderId, DeadlineKind kind, UUID referenceId) {
        return update("status = ?1 where orderId = ?2 and kind = ?3 and referenceId = ?4 and status = ?5",
                DeadlineStatus.CANCELLED, orderId, kind, referenceId, DeadlineStatus.PENDING);
    }

    public Uni<Integer> cancelAll(UUID orderId) {
        return update("status = ?1 where orderId = ?2 and status = ?3", DeadlineStatus.CANCELLED, orderId,
                DeadlineStatus.PENDING);
    }

    public Uni<List<Deadline>> pending(DeadlineKind kind, int page, int size) {
        return (kind == null
                ? find("status = ?1", Sort.by("dueAt"), DeadlineStatus.PENDING)
                : find("status = ?1 and kind = ?2", Sort.by("dueAt"), DeadlineStatus.PENDING, kind))
                .page(Page.of(page, size))
                .list();
    }
}
