package io.backorder.supplier.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.BackorderRecorded;
import io.backorder.supplier.service.SourcingService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BackorderRecordedHandler implements MessageHandler<BackorderRecorded> {

    private final SourcingService sourcing;

    public BackorderRecordedHandler(SourcingService sourcing) {
        this.sourcing = sourcing;
    }

    @Override
    public Class<BackorderRecorded> messageType() {
        return BackorderRecorded.class;
    }

    @Override
    public Uni<Void> handle(BackorderRecorded message, Envelope envelope) {
        return sourcing.considerDropship(message, envelope).replaceWithVoid();
    }
}
