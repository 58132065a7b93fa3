package io.backorder.notification.service;

import java.util.Collection;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.notification.CustomerNotified;
import io.backorder.notification.Channel;
import io.backorder.notification.Notification;
import io.backorder.support.messaging.Outbox;
import io.smallrye.mutiny.Uni;

/** Tells the saga what became of a message it asked for, in the transaction that decided it. */
@ApplicationScoped
public class Outcomes {

    private final Outbox outbox;

    public Outcomes(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param delivered the channels that reached the customer (empty unless delivered) */
    public Uni<Void> report(Notification notification, Collection<Channel> delivered) {
        return notification.kind.sagaKind()
                .map(kind -> outbox.publishCausedBy(new CustomerNotified(notification.orderId, kind,
                        notification.deduplicationKey, notification.outcome(), delivered.stream()
                                .sorted()
                                .map(Enum::name)
                                .collect(Collectors.joining(","))),
                        notification.causeId).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
    }
}
