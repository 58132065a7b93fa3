package io.backorder.planning.backtest;

import java.util.Random;

/**
 * Synthetic but realistic daily demand and supplier behaviour, reproducible from a seed: a base level with a slow
 * trend, weekly seasonality (busier weekends), Poisson-like noise, promotions (a few days at two to three times the
 * usual demand, about every six weeks) and supplier lead times that vary and sometimes slip by a week.
 */
public record DemandScenario(long seed, int days, double baseDaily, double trendPerDay, double weekendUplift,
        double promotionEveryDays, double leadTimeMeanDays, double leadTimeStdDevDays, double slipProbability,
        int slipDays) {

    public static DemandScenario standard(long seed) {
        return new DemandScenario(seed, 420, 20, 0.02, 0.35, 45, 7, 1.5, 0.1, 7);
    }

    public double[] demand() {
        Random random = new Random(seed);
        double[] demand = new double[days];
        int promotionLeft = 0;
        double promotionFactor = 1;
        for (int day = 0; day < days; day++) {
            if (promotionLeft == 0 && random.nextDouble() < 1 / promotionEveryDays) {
                promotionLeft = 3 + random.nextInt(3);
                promotionFactor = 2 + random.nextDouble();
            }
            double factor = promotionLeft > 0 ? promotionFactor : 1;
            promotionLeft = Math.max(0, promotionLeft - 1);
            double weekly = day % 7 >= 5 ? 1 + weekendUplift : 1;
            double mean = Math.max(0, (baseDaily + trendPerDay * day) * weekly * factor);
            demand[day] = poisson(random, mean);
        }
        return demand;
    }

    /** Lead times of successive purchase orders, from their own stream so that policies see the same supplier. */
    public Random supplier() {
        return new Random(seed * 31 + 7);
    }

    public int leadTime(Random supplier) {
        double days = leadTimeMeanDays + supplier.nextGaussian() * leadTimeStdDevDays;
        if (supplier.nextDouble() < slipProbability) {
            days += slipDays;
        }
        return Math.max(1, (int) Math.round(days));
    }

    private static double poisson(Random random, double mean) {
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
