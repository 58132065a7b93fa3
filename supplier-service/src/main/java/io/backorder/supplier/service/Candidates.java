package io.backorder.supplier.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.Agreement;
import io.backorder.supplier.Candidate;
import io.backorder.supplier.Reliability;
import io.backorder.supplier.Supplier;
import io.backorder.supplier.repository.AgreementRepository;
import io.backorder.supplier.repository.SupplierRepository;
import io.smallrye.mutiny.Uni;

/** Loads what sourcing decisions weigh; runs in the caller's session. */
@ApplicationScoped
public class Candidates {

    private final AgreementRepository agreements;
    private final SupplierRepository suppliers;
    private final StatisticsService statistics;

    public Candidates(AgreementRepository agreements, SupplierRepository suppliers, StatisticsService statistics) {
        this.agreements = agreements;
        this.suppliers = suppliers;
        this.statistics = statistics;
    }

    /** The agreements for the SKU valid on the day, with their suppliers' standing and delivery history. */
    public Uni<List<Candidate>> forSku(String sku, LocalDate day) {
        return agreements.validOn(sku, day).flatMap(found -> {
            Set<String> supplierIds = found.stream().map(a -> a.supplierId).collect(Collectors.toSet());
            return suppliers.byIds(supplierIds)
                    .flatMap(known -> statistics.reliabilities(supplierIds).map(reliabilities -> {
                        Map<String, Supplier> byId = known.stream()
                                .collect(Collectors.toMap(s -> s.id, Function.identity()));
                        return found.stream().map(agreement -> candidate(agreement, byId, reliabilities)).toList();
                    }));
        });
    }

    private static Candidate candidate(Agreement agreement, Map<String, Supplier> suppliers,
            Map<String, Reliability> reliabilities) {
        Supplier supplier = suppliers.get(agreement.supplierId);
        return new Candidate(agreement.terms(), supplier != null && supplier.active,
                reliabilities.getOrDefault(agreement.supplierId, Reliability.UNKNOWN));
    }
}
