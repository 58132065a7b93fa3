package io.backorder.inventory.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.inventory.StockJournalEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StockJournalRepository implements PanacheRepositoryBase<StockJournalEntry, Long> {

    /** Newest first. */
    public Uni<List<StockJournalEntry>> forSku(String sku, int page, int size) {
        return find("sku", Sort.by("createdAt").descending().and("id", Sort.Direction.Descending), sku)
                .page(page, size)
                .list();
    }
}
