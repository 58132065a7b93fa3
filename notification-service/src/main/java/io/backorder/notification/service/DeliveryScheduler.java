package io.backorder.notification.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Drives {@link DispatchService}: every poll interval, gate what is due, claim due deliveries, send them side by
 * side and record each result. A tick still running when the next is due is not overlapped.
 */
@ApplicationScoped
public class DeliveryScheduler {

    private final DispatchService dispatch;

    public DeliveryScheduler(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    @Scheduled(identity = "notification-dispatch", every = "${backorder.notification.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return dispatch.gateDue()
                .chain(dispatch::claimDeliveries)
                .chain(this::sendAll)
                .onFailure()
                .invoke(failure -> Log.warnf(failure, "Dispatching notifications failed; the next tick retries"))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> sendAll(List<Outgoing> outgoing) {
        if (outgoing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(outgoing.stream().map(dispatch::send).toList()).andFailFast().chain(this::recordAll);
    }

    /** One after another: each result is its own transaction on this tick's session context. */
    private Uni<Void> recordAll(List<SendResult> results) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SendResult result : results) {
            // the message is out: losing its result would send it again once the lease runs out
            chain = chain.chain(() -> dispatch.record(result)
                    .onFailure()
                    .retry()
                    .atMost(2)
                    .onFailure()
                    .invoke(failure -> Log.warnf(failure, "Could not record the result of delivery %s; its lease "
                            + "runs out and it is attempted again", result.attempt().deliveryId()))
                    .onFailure()
                    .recoverWithNull());
        }
        return chain;
    }
}
