package io.backorder.order;

/** Where an order's saga stands as a whole. */
public enum OrderStatus {
    /** Placed; waiting for inventory's outcome of every line. */
    RESERVING,
    /** Every line has an outcome; lines wait, ship, get allocated; money moves with them. */
    OPEN,
    /** Every line is shipped or otherwise closed and the money is settled. */
    COMPLETED,
    /** Cancelled as a whole; stock releases, voids and refunds are still under way. */
    CANCELLING,
    /** Nothing was delivered (or everything was refunded); the money is settled. */
    CANCELLED,
    /** No line could be ordered at all. */
    REJECTED
}
