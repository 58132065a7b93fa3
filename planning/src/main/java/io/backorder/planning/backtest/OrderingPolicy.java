package io.backorder.planning.backtest;

/** Decides each day how much to order, from what it could know that day. */
public interface OrderingPolicy {

    String name();

    /**
     * @param history demand of every day so far (the last element is today)
     * @param onHand units on the shelf after today's sales
     * @param inbound units ordered and not yet arrived
     * @param backordered demand waiting for stock
     */
    int order(double[] history, int onHand, int inbound, int backordered);
}
