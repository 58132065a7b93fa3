package io.backorder.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.inventory.service.ReservationService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReserveStockHandler implements MessageHandler<ReserveStock> {

    private final ReservationService reservations;

    public ReserveStockHandler(ReservationService reservations) {
        this.reservations = reservations;
    }

    @Override
    public Class<ReserveStock> messageType() {
        return ReserveStock.class;
    }

    @Override
    public Uni<Void> handle(ReserveStock command, Envelope envelope) {
        return reservations.reserve(command, envelope).replaceWithVoid();
    }
}
