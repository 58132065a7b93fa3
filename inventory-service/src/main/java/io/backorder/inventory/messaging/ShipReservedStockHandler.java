package io.backorder.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.ShipReservedStock;
import io.backorder.inventory.service.ShipmentService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ShipReservedStockHandler implements MessageHandler<ShipReservedStock> {

    private final ShipmentService shipments;

    public ShipReservedStockHandler(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @Override
    public Class<ShipReservedStock> messageType() {
        return ShipReservedStock.class;
    }

    @Override
    public Uni<Void> handle(ShipReservedStock message, Envelope envelope) {
        return shipments.ship(message, envelope).replaceWithVoid();
    }
}
