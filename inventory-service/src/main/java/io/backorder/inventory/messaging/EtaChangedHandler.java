package io.backorder.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.supplier.EtaChanged;
import io.backorder.inventory.service.SupplyService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EtaChangedHandler implements MessageHandler<EtaChanged> {

    private final SupplyService supply;

    public EtaChangedHandler(SupplyService supply) {
        this.supply = supply;
    }

    @Override
    public Class<EtaChanged> messageType() {
        return EtaChanged.class;
    }

    @Override
    public Uni<Void> handle(EtaChanged message, Envelope envelope) {
        return supply.etaChanged(message, envelope).replaceWithVoid();
    }
}
