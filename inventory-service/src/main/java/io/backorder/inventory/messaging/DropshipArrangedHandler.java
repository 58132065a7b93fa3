package io.backorder.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.supplier.DropshipArranged;
import io.backorder.inventory.service.SupplyService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DropshipArrangedHandler implements MessageHandler<DropshipArranged> {

    private final SupplyService supply;

    public DropshipArrangedHandler(SupplyService supply) {
        this.supply = supply;
    }

    @Override
    public Class<DropshipArranged> messageType() {
        return DropshipArranged.class;
    }

    @Override
    public Uni<Void> handle(DropshipArranged message, Envelope envelope) {
        return supply.dropshipArranged(message, envelope).replaceWithVoid();
    }
}
