package io.backorder.supplier.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.Agreement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    private static final String VALID_ON = "validFrom <= :day and (validTo is null or validTo >= :day)";

    public Uni<List<Agreement>> validOn(String sku, LocalDate day) {
        return list("sku = :sku and " + VALID_ON + " order by supplierId",
                Parameters.with("sku", sku).and("day", day));
    }

    public Uni<Agreement> validOn(String supplierId, String sku, LocalDate day) {
        return find("supplierId = :supplier and sku = :sku and " + VALID_ON,
                Parameters.with("supplier", supplierId).and("sku", sku).and("day", day)).firstResult();
    }

    public Uni<List<String>> skusValidOn(LocalDate day) {
        return getSession().chain(session -> session
                .createSelectionQuery("select distinct sku from Agreement where " + VALID_ON + " order by sku",
                        String.class)
                .setParameter("day", day)
                .getResultList());
    }

    /** Every agreement of these suppliers, for overlap checks. */
    public Uni<List<Agreement>> ofSuppliers(Collection<String> supplierIds) {
        return list("supplierId in ?1", supplierIds);
    }

    public Uni<List<Agreement>> search(String supplierId, String sku, LocalDate validOn, int page, int size) {
        Filter filter = new Filter().and("supplierId = :supplier", "supplier", supplierId)
                .and("sku = :sku", "sku", sku)
                .and(VALID_ON, "day", validOn);
        return find(filter.query("sku, supplierId, validFrom"), filter.parameters()).page(page, size).list();
    }
}
