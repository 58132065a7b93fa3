package io.backorder.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.notification.service.IntakeService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SendCustomerMessageHandler implements MessageHandler<SendCustomerMessage> {

    private final IntakeService intake;

    public SendCustomerMessageHandler(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public Class<SendCustomerMessage> messageType() {
        return SendCustomerMessage.class;
    }

    @Override
    public Uni<Void> handle(SendCustomerMessage message, Envelope envelope) {
        return intake.accept(message, envelope);
    }
}
