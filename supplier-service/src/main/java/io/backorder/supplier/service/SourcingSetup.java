package io.backorder.supplier.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.backorder.supplier.ChoicePolicy;
import io.backorder.supplier.SupplierChooser;
import io.backorder.supplier.config.SupplierConfig;

/** Builds the pure sourcing rules from configuration. */
public class SourcingSetup {

    @Produces
    @Singleton
    ChoicePolicy policy(SupplierConfig config) {
        return new ChoicePolicy(config.currency().base(), config.currency().rates(),
                config.choice().reliabilityWeight(), config.choice().priorOnTimeRate(), config.choice().priorWeight(),
                config.choice().minHistory(), config.dropship().warehouseCostPerUnit(),
                config.dropship().maxPremiumPercent());
    }

    @Produces
    @Singleton
    SupplierChooser chooser(ChoicePolicy policy) {
        return new SupplierChooser(policy);
    }
}
