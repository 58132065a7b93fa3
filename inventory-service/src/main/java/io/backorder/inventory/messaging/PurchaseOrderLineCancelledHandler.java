package io.backorder.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.supplier.PurchaseOrderLineCancelled;
import io.backorder.inventory.service.SupplyService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PurchaseOrderLineCancelledHandler implements MessageHandler<PurchaseOrderLineCancelled> {

    private final SupplyService supply;

    public PurchaseOrderLineCancelledHandler(SupplyService supply) {
        this.supply = supply;
    }

    @Override
    public Class<PurchaseOrderLineCancelled> messageType() {
        return PurchaseOrderLineCancelled.class;
    }

    @Override
    public Uni<Void> handle(PurchaseOrderLineCancelled message, Envelope envelope) {
        return supply.purchaseOrderLineCancelled(message, envelope).replaceWithVoid();
    }
}
