package io.backorder.contracts.notification;

import java.util.UUID;

import io.backorder.contracts.Command;

/** The customer gave a new payment method on the order page after a failed capture. */
public record UpdatePaymentMethod(UUID orderId, String paymentMethodReference) implements Command {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
