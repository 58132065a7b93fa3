package io.backorder.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.inventory.service.ReservationService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReleaseStockHandler implements MessageHandler<ReleaseStock> {

    private final ReservationService reservations;

    public ReleaseStockHandler(ReservationService reservations) {
        this.reservations = reservations;
    }

    @Override
    public Class<ReleaseStock> messageType() {
        return ReleaseStock.class;
    }

    @Override
    public Uni<Void> handle(ReleaseStock command, Envelope envelope) {
        return reservations.release(command, envelope).replaceWithVoid();
    }
}
