package io.backorder.supplier.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.ReplenishmentRequested;
import io.backorder.supplier.service.SourcingService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReplenishmentRequestedHandler implements MessageHandler<ReplenishmentRequested> {

    private final SourcingService sourcing;

    public ReplenishmentRequestedHandler(SourcingService sourcing) {
        this.sourcing = sourcing;
    }

    @Override
    public Class<ReplenishmentRequested> messageType() {
        return ReplenishmentRequested.class;
    }

    @Override
    public Uni<Void> handle(ReplenishmentRequested message, Envelope envelope) {
        return sourcing.replenish(message, envelope).replaceWithVoid();
    }
}
