package io.backorder.supplier.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.Supplier;
import io.backorder.supplier.repository.AgreementRepository;
import io.backorder.supplier.repository.SupplierRepository;
import io.backorder.supplier.rest.SupplierRequest;
import io.backorder.supplier.rest.SupplierView;
import io.backorder.support.rest.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SupplierService {

    private final SupplierRepository suppliers;
    private final AgreementRepository agreements;
    private final SupplyTermsService supplyTerms;
    private final Clock clock;

    public SupplierService(SupplierRepository suppliers, AgreementRepository agreements,
            SupplyTermsService supplyTerms, Clock clock) {
        this.suppliers = suppliers;
        this.agreements = agreements;
        this.supplyTerms = supplyTerms;
        this.clock = clock;
    }

    /** Creates or updates a supplier; (de)activating one may change which agreement is preferred for its SKUs. */
    @WithTransaction
    public Uni<SupplierView> upsert(String id, SupplierRequest request) {
        return suppliers.findById(id).flatMap(existing -> {
            Instant now = Instant.now(clock);
            Supplier supplier = existing != null ? existing : new Supplier();
            if (existing == null) {
                supplier.id = id;
                supplier.createdAt = now;
                supplier.active = true;
            }
            supplier.name = request.name();
            supplier.contactEmail = request.contactEmail();
            if (request.active() != null) {
                supplier.active = request.active();
            }
            supplier.updatedAt = now;
            return existing != null ? Uni.createFrom().item(supplier) : suppliers.persist(supplier);
        })
                .call(supplier -> agreements.ofSuppliers(List.of(supplier.id))
                        .chain(found -> supplyTerms.refresh(found.stream().map(a -> a.sku).toList(), null)))
                .map(SupplierView::of);
    }

    @WithSession
    public Uni<SupplierView> get(String id) {
        return suppliers.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No supplier " + id))
                .map(SupplierView::of);
    }

    @WithSession
    public Uni<List<SupplierView>> list() {
        return suppliers.listAll(Sort.by("id")).map(found -> found.stream().map(SupplierView::of).toList());
    }
}
