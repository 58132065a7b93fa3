package io.backorder.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.backorder.order.Deadline;
import io.backorder.order.DeadlineKind;
import io.backorder.order.PaymentOperation;
import io.backorder.order.PaymentOperationKind;

/** What operators see of the machinery behind sagas. */
public final class OperatorViews {

    private OperatorViews() {
    }

    /** A saga waiting for a point in time; {@code attempts} above zero with an error means firing failed. */
    public record DeadlineView(UUID id, UUID orderId, DeadlineKind kind, UUID referenceId, Instant dueAt,
            int attempts, String lastError) {

        public static DeadlineView of(Deadline deadline) {
            return new DeadlineView(deadline.id, deadline.orderId, deadline.kind, deadline.referenceId,
                    deadline.dueAt, deadline.attempts, deadline.lastError);
        }
    }

    /** A provider call not done yet, e.g. waiting for an unreachable provider. */
    public record PaymentOperationView(UUID id, UUID orderId, PaymentOperationKind kind, BigDecimal amount,
            String currency, int attempts, Instant notBefore, String lastError, Instant createdAt) {

        public static PaymentOperationView of(PaymentOperation operation) {
            return new PaymentOperationView(operation.id, operation.orderId, operation.kind, operation.amount,
                    operation.currency, operation.attempts, operation.notBefore, operation.lastError,
                    operation.createdAt);
        }
    }
}
