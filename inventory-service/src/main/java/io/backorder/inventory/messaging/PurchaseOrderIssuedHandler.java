package io.backorder.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.inventory.service.PlanningService;
import io.backorder.inventory.service.SupplyService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PurchaseOrderIssuedHandler implements MessageHandler<PurchaseOrderIssued> {

    private final SupplyService supply;
    private final PlanningService planning;

    public PurchaseOrderIssuedHandler(SupplyService supply, PlanningService planning) {
        this.supply = supply;
        this.planning = planning;
    }

    @Override
    public Class<PurchaseOrderIssued> messageType() {
        return PurchaseOrderIssued.class;
    }

    @Override
    public Uni<Void> handle(PurchaseOrderIssued message, Envelope envelope) {
        // One transaction: the supply arrives and the replenishment request it answers is closed together.
        return supply.purchaseOrderIssued(message, envelope).chain(() -> planning.purchaseOrderIssued(message));
    }
}
