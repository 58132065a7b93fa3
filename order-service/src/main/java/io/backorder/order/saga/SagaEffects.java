package io.backorder.order.saga;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.backorder.contracts.Message;
import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.order.Deadline;
import io.backorder.order.DeadlineKind;
import io.backorder.order.PaymentOperation;
import io.backorder.order.TimelineEntry;

/**
 * What a saga step decided beyond the order's own state: messages, customer notices, provider calls, deadlines and
 * timeline entries. They are written in the step's transaction.
 */
public final class SagaEffects {

    public record DeadlineKey(DeadlineKind kind, UUID referenceId) {
    }

    private final UUID orderId;
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, Set<UUID>> releases = new LinkedHashMap<>();
    private final List<CustomerNotice> notices = new ArrayList<>();
    private final List<PaymentOperation> payments = new ArrayList<>();
    private final List<Deadline> scheduled = new ArrayList<>();
    private final List<DeadlineKey> cancelled = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private boolean cancelAllDeadlines;

    SagaEffects(UUID orderId) {
        this.orderId = orderId;
    }

    void send(Message message) {
        messages.add(message);
    }

    /** Lines released for the same reason in one step go out as one {@link ReleaseStock}. */
    void releaseStock(UUID lineId, String reason) {
        releases.computeIfAbsent(reason, r -> new LinkedHashSet<>()).add(lineId);
    }

    void notifyCustomer(CustomerNotice notice) {
        notices.add(notice);
    }

    void pay(PaymentOperation operation) {
        payments.add(operation);
    }

    void schedule(Deadline deadline) {
        scheduled.add(deadline);
    }

    void cancel(DeadlineKind kind, UUID referenceId) {
        scheduled.removeIf(d -> d.kind == kind && d.referenceId.equals(referenceId));
        cancelled.add(new DeadlineKey(kind, referenceId));
    }

    void cancelAllDeadlines() {
        scheduled.clear();
        cancelAllDeadlines = true;
    }

    void record(TimelineEntry entry) {
        timeline.add(entry);
    }

    /** Messages in the order they were decided, stock releases last (compensation runs in reverse order). */
    public List<Message> messages() {
        List<Message> all = new ArrayList<>(messages);
        releases.forEach((reason, lines) -> all.add(new ReleaseStock(orderId, List.copyOf(lines), reason)));
        return all;
    }

    public List<CustomerNotice> notices() {
        return List.copyOf(notices);
    }

    public List<PaymentOperation> payments() {
        return List.copyOf(payments);
    }

    public List<Deadline> scheduled() {
        return List.copyOf(scheduled);
    }

    public List<DeadlineKey> cancelled() {
        return List.copyOf(cancelled);
    }

    public boolean cancelsAllDeadlines() {
        return cancelAllDeadlines;
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }
}
