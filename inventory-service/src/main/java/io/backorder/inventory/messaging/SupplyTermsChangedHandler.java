package io.backorder.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.supplier.SupplyTermsChanged;
import io.backorder.inventory.service.SupplyTermsService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SupplyTermsChangedHandler implements MessageHandler<SupplyTermsChanged> {

    private final SupplyTermsService terms;

    public SupplyTermsChangedHandler(SupplyTermsService terms) {
        this.terms = terms;
    }

    @Override
    public Class<SupplyTermsChanged> messageType() {
        return SupplyTermsChanged.class;
    }

    @Override
    public Uni<Void> handle(SupplyTermsChanged message, Envelope envelope) {
        return terms.record(message, envelope.time());
    }
}
