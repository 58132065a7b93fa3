package io.backorder.inventory.service;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.supplier.SupplyTermsChanged;
import io.backorder.inventory.SupplyTerms;
import io.backorder.inventory.repository.SkuRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Keeps the latest supply terms per SKU; terms older than the ones held are ignored (messages may be reordered). */
@ApplicationScoped
public class SupplyTermsService {

    private final SkuRepository skus;

    public SupplyTermsService(SkuRepository skus) {
        this.skus = skus;
    }

    @WithTransaction
    public Uni<Void> record(SupplyTermsChanged changed, Instant publishedAt) {
        return skus.findById(changed.sku()).flatMap(sku -> {
            if (sku == null) {
                Log.infof("Ignoring supply terms for unknown SKU %s", changed.sku());
                return Uni.createFrom().voidItem();
            }
            return Panache.getSession()
                    .flatMap(session -> session.find(SupplyTerms.class, changed.sku())
                            .flatMap(existing -> {
                                if (existing != null && existing.updatedAt.isAfter(publishedAt)) {
                                    return Uni.createFrom().voidItem();
                                }
                                SupplyTerms terms = existing != null ? existing : new SupplyTerms();
                                terms.sku = changed.sku();
                                terms.supplierId = changed.supplierId();
                                terms.leadTimeMeanDays = BigDecimal.valueOf(changed.leadTimeMeanDays());
                                terms.leadTimeStdDevDays = BigDecimal.valueOf(changed.leadTimeStdDevDays());
                                terms.minimumOrderQuantity = Math.max(1, changed.minimumOrderQuantity());
                                terms.packSize = Math.max(1, changed.packSize());
                                terms.updatedAt = publishedAt;
                                return existing != null ? Uni.createFrom().voidItem() : session.persist(terms);
                            }));
        });
    }
}
