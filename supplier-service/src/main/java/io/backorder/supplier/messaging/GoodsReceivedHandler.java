package io.backorder.supplier.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.GoodsReceived;
import io.backorder.supplier.service.ReceiptService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GoodsReceivedHandler implements MessageHandler<GoodsReceived> {

    private final ReceiptService receipts;

    public GoodsReceivedHandler(ReceiptService receipts) {
        this.receipts = receipts;
    }

    @Override
    public Class<GoodsReceived> messageType() {
        return GoodsReceived.class;
    }

    @Override
    public Uni<Void> handle(GoodsReceived message, Envelope envelope) {
        return receipts.record(message, envelope).replaceWithVoid();
    }
}
