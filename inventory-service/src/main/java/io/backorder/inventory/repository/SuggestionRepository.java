package io.backorder.inventory.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.backorder.inventory.ReplenishmentSuggestion;
import io.backorder.inventory.SuggestionState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SuggestionRepository implements PanacheRepositoryBase<ReplenishmentSuggestion, UUID> {

    /** The SKU's open suggestion (at most one), locked; call after locking the SKU. */
    public Uni<ReplenishmentSuggestion> lockOpen(String sku) {
        return find("sku = ?1 and state in ?2", sku, List.of(SuggestionState.PROPOSED, SuggestionState.REQUESTED))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<ReplenishmentSuggestion> open(String sku) {
        return find("sku = ?1 and state in ?2", sku, List.of(SuggestionState.PROPOSED, SuggestionState.REQUESTED))
                .firstResult();
    }

    public Uni<ReplenishmentSuggestion> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first, optionally of one state and one SKU. */
    public Uni<List<ReplenishmentSuggestion>> search(SuggestionState state, String sku, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (state != null) {
            parameters.add(state);
            conditions.add("state = ?" + parameters.size());
        }
        if (sku != null) {
            parameters.add(sku);
            conditions.add("sku = ?" + parameters.size());
        }
        String query = (conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ")
                + "order by createdAt desc, id";
        return find(query, parameters.toArray()).page(Page.of(page, size)).list();
    }
}
