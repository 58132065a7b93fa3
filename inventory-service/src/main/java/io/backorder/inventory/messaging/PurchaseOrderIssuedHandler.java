package io.backorder.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.inventory.service.SupplyService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PurchaseOrderIssuedHandler implements MessageHandler<PurchaseOrderIssued> {

    private final SupplyService supply;

    public PurchaseOrderIssuedHandler(SupplyService supply) {
        this.supply = supply;
    }

    @Override
    public Class<PurchaseOrderIssued> messageType() {
        return PurchaseOrderIssued.class;
    }

    @Override
    public Uni<Void> handle(PurchaseOrderIssued message, Envelope envelope) {
        return supply.purchaseOrderIssued(message, envelope).replaceWithVoid();
    }
}
