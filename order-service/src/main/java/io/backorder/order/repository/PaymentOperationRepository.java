package io.backorder.order.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.order.PaymentOperation;
import io.backorder.order.PaymentOperationStatus;
import io.backorder.support.persistence.SessionSql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PaymentOperationRepository implements PanacheRepositoryBase<PaymentOperation, UUID> {

    private static final String COMPLETE = """
            update payment_operation set status = 'DONE', outcome = left($2, 1000), completed_at = $3
            where id = $1 and status = 'PENDING'""";

    public Uni<List<PaymentOperation>> pending(int page, int size) {
        return find("status = ?1", Sort.by("createdAt"), PaymentOperationStatus.PENDING)
                .page(Page.of(page, size))
                .list();
    }

    /**
     * Marks a call done with the provider's answer, in one statement and only when it is still pending; false when
     * another worker applied an answer first (the caller then applies nothing).
     */
    public Uni<Boolean> complete(UUID id, String outcome, Instant now) {
        return SessionSql.change(COMPLETE, new Object[]{id, outcome, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)})
                .map(changed -> changed == 1);
    }
}
