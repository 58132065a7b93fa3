package io.backorder.supplier.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.ChoiceKind;
import io.backorder.supplier.ChoiceOutcome;
import io.backorder.supplier.SupplierChoice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SupplierChoiceRepository implements PanacheRepositoryBase<SupplierChoice, UUID> {

    public Uni<SupplierChoice> decided(ChoiceKind kind, String demandId) {
        return find("kind = ?1 and demandId = ?2", kind, demandId).firstResult();
    }

    public Uni<List<SupplierChoice>> search(String sku, ChoiceKind kind, ChoiceOutcome outcome, String demandId,
            int page, int size) {
        Filter filter = new Filter().and("sku = :sku", "sku", sku)
                .and("kind = :kind", "kind", kind)
                .and("outcome = :outcome", "outcome", outcome)
                .and("demandId = :demand", "demand", demandId);
        return find(filter.query("decidedAt desc, id"), filter.parameters()).page(page, size).list();
    }
}
