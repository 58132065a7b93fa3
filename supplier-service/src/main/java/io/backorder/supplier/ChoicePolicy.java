package io.backorder.supplier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * The knobs of sourcing decisions.
 *
 * @param rates value of one unit of each foreign currency in the base currency
 * @param reliabilityWeight how much a supplier's late share raises its offers' cost
 * @param priorOnTimeRate on-time rate assumed without history
 * @param priorWeight how many deliveries that assumption counts as
 * @param minHistory deliveries needed before a supplier's average slip is added to its lead times
 * @param warehouseCostPerUnit receiving, storing and shipping one unit ourselves (base currency)
 * @param dropshipMaxPremiumPercent how much more than waiting for stock a faster dropship may cost
 */
public record ChoicePolicy(String baseCurrency, Map<String, BigDecimal> rates, double reliabilityWeight,
        double priorOnTimeRate, int priorWeight, int minHistory, BigDecimal warehouseCostPerUnit,
        BigDecimal dropshipMaxPremiumPercent) {

    public ChoicePolicy {
        rates = Map.copyOf(rates);
    }

    public Optional<BigDecimal> toBase(BigDecimal amount, String currency) {
        if (baseCurrency.equals(currency)) {
            return Optional.of(amount);
        }
        return Optional.ofNullable(rates.get(currency))
                .map(rate -> amount.multiply(rate)
                        .setScale(2, RoundingMode.HALF_UP));
    }
}
