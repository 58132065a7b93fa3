package io.backorder.order.rest;

import java.time.Instant;
import java.util.UUID;

import io.backorder.order.Order;
import io.backorder.order.OrderStatus;
import io.backorder.order.PaymentAction;

/** An order in an operator's list. */
public record OrderSummary(UUID id, String reference, String platform, OrderStatus status, Instant placedAt,
        Instant updatedAt, PaymentAction paymentAction, Instant paymentActionDeadline, String attention) {

    public static OrderSummary of(Order order) {
        return new OrderSummary(order.id(), order.reference(), order.platform(), order.status(), order.placedAt(),
                order.updatedAt(), order.paymentAction(), order.paymentActionDeadline(), order.attention());
    }
}
