package io.backorder.order;

/** A shipment is confirmed (the goods may leave) only once its lines are captured. */
public enum ShipmentStatus {
    AWAITING_PAYMENT,
    /** A capture failed; waiting for the customer to update the payment method. */
    ON_HOLD, CONFIRMED, CANCELLED
}
