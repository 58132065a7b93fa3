package io.backorder.inventory.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.FindSubstitutes;
import io.backorder.contracts.inventory.SubstitutesFound;
import io.backorder.inventory.Sku;
import io.backorder.inventory.Stock;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.inventory.repository.StockRepository;
import io.backorder.support.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * In-stock alternatives for a backordered line: SKUs of the same substitution group that one warehouse can ship in
 * full right now (a reservation takes a line from one location), closest in price first. Nothing is held: the order
 * reserves the substitute it offers when the customer accepts.
 */
@ApplicationScoped
public class SubstituteService {

    /** An offer lists a handful of alternatives, not a catalogue. */
    private static final int MAX_SUBSTITUTES = 5;

    private final SkuRepository skus;
    private final StockRepository stock;
    private final Outbox outbox;
    private final Clock clock;

    public SubstituteService(SkuRepository skus, StockRepository stock, Outbox outbox, Clock clock) {
        this.skus = skus;
        this.stock = stock;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<SubstitutesFound> find(FindSubstitutes command, Envelope cause) {
        return skus.findById(command.sku())
                .chain(original -> original == null || original.substitutionGroup == null
                        ? Uni.createFrom().item(List.<SubstitutesFound.Substitute>of())
                        : candidates(original, command.quantity()))
                .map(found -> new SubstitutesFound(command.orderId(), command.lineId(), command.sku(), found))
                .call(reply -> outbox.publish(reply, cause));
    }

    private Uni<List<SubstitutesFound.Substitute>> candidates(Sku original, int quantity) {
        LocalDate today = LocalDate.now(clock);
        return skus.list("substitutionGroup = ?1 and sku <> ?2", original.substitutionGroup, original.sku)
                .chain(group -> group.isEmpty()
                        ? Uni.createFrom().item(List.<SubstitutesFound.Substitute>of())
                        : stock.forSkus(group.stream().map(sku -> sku.sku).toList()).map(rows -> {
                            Map<String, Integer> bestLocation = rows.stream()
                                    .collect(Collectors.toMap(row -> row.id.sku, Stock::available, Math::max));
                            return group.stream()
                                    .filter(sku -> !sku.isPreorderOn(today))
                                    .filter(sku -> bestLocation.getOrDefault(sku.sku, 0) >= quantity)
                                    .sorted(Comparator.comparing((Sku sku) -> priceDistance(original, sku))
                                            .thenComparing(sku -> sku.sku))
                                    .limit(MAX_SUBSTITUTES)
                                    .map(sku -> new SubstitutesFound.Substitute(sku.sku, sku.name, sku.unitPrice,
                                            bestLocation.get(sku.sku)))
                                    .toList();
                        }));
    }

    /** Unknown prices sort last. */
    private static BigDecimal priceDistance(Sku original, Sku candidate) {
        if (original.unitPrice == null || candidate.unitPrice == null) {
            return BigDecimal.valueOf(Long.MAX_VALUE);
        }
        return original.unitPrice.subtract(candidate.unitPrice).abs();
    }
}
