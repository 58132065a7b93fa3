package io.backorder.planning.backtest;

import io.backorder.planning.Statistics;

/** The two baselines the planner is measured against. */
public final class NaivePolicies {

    private NaivePolicies() {
    }

    /** Reorders exactly what was sold yesterday: passes demand noise straight upstream. */
    public static OrderingPolicy orderWhatWasSold() {
        return new OrderingPolicy() {
            @Override
            public String name() {
                return "order what was sold";
            }

            @Override
            public int order(double[] history, int onHand, int inbound, int backordered) {
                return (int) history[history.length - 1];
            }
        };
    }

    /**
     * A reorder point and order quantity set once from the warm-up history and never revised (mean demand over the
     * nominal lead time plus 50%, two weeks of mean demand per order).
     */
    public static OrderingPolicy fixedReorderPoint(double[] warmUp, double leadTimeDays) {
        double mean = Statistics.mean(warmUp);
        int reorderPoint = (int) Math.ceil(mean * leadTimeDays * 1.5);
        int quantity = (int) Math.ceil(mean * 14);
        return new OrderingPolicy() {
            @Override
            public String name() {
                return "fixed reorder point (" + reorderPoint + ", order " + quantity + ")";
            }

            @Override
            public int order(double[] history, int onHand, int inbound, int backordered) {
                return onHand + inbound - backordered <= reorderPoint ? quantity : 0;
            }
        };
    }
}
