package io.backorder.inventory.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.RejectionReason;
import io.backorder.inventory.InboundSupply;
import io.backorder.inventory.PromiseCalculator;
import io.backorder.inventory.ReservationDecision;
import io.backorder.inventory.Sku;
import io.backorder.inventory.Stock;
import io.backorder.inventory.repository.InboundSupplyRepository;
import io.backorder.inventory.repository.OrderLineRepository;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.inventory.repository.StockRepository;
import io.backorder.inventory.rest.QuoteRequest;
import io.backorder.inventory.rest.QuoteView;
import io.backorder.inventory.rest.QuoteView.Availability;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Availability and promise dates for checkout, computed with the same rules as a reservation but without locking
 * or holding anything: a quote can be outdated by the time the order arrives, and the reservation decides.
 */
@ApplicationScoped
public class QuoteService {

    private final SkuRepository skus;
    private final StockRepository stock;
    private final OrderLineRepository lines;
    private final InboundSupplyRepository inbound;
    private final Clock clock;

    public QuoteService(SkuRepository skus, StockRepository stock, OrderLineRepository lines,
            InboundSupplyRepository inbound, Clock clock) {
        this.skus = skus;
        this.stock = stock;
        this.lines = lines;
        this.inbound = inbound;
        this.clock = clock;
    }

    @WithSession
    public Uni<QuoteView> quote(QuoteRequest request) {
        List<String> skuIds = request.lines().stream().map(QuoteRequest.Line::sku).distinct().toList();
        return skus.list("sku in ?1", skuIds).flatMap(found -> stock.forSkus(skuIds).flatMap(rows -> {
            Map<String, Sku> bySku = found.stream().collect(Collectors.toMap(s -> s.sku, Function.identity()));
            Uni<List<QuoteView.Line>> quoted = Uni.createFrom().item(List.of());
            for (QuoteRequest.Line line : request.lines()) {
                quoted = quoted.flatMap(done -> quoteLine(line, bySku.get(line.sku()), rows).map(next -> {
                    List<QuoteView.Line> all = new ArrayList<>(done);
                    all.add(next);
                    return all;
                }));
            }
            return quoted.map(QuoteView::new);
        }));
    }

    private Uni<QuoteView.Line> quoteLine(QuoteRequest.Line line, Sku sku, List<Stock> rows) {
        if (sku == null) {
            return Uni.createFrom().item(notOrderable(line, 0, RejectionReason.UNKNOWN_SKU));
        }
        int available = rows.stream()
                .filter(r -> r.id.sku.equals(sku.sku))
                .mapToInt(Stock::available)
                .max()
                .orElse(0);
        LocalDate today = LocalDate.now(clock);
        return lines.backorderedUnits(sku.sku).flatMap(waiting -> inbound.openForSku(sku.sku).map(supply -> {
            int openInbound = supply.stream().filter(s -> s.confirmed).mapToInt(InboundSupply::openQuantity).sum();
            ReservationDecision decision = ReservationDecision.decide(sku, line.quantity(), available, false,
                    waiting.intValue(), openInbound, today);
            if (decision.rejected()) {
                return notOrderable(line, Math.max(available, 0), decision.rejection());
            }
            List<PromiseCalculator.Supply> timeline = supply.stream().map(InboundSupply::asSupply).toList();
            int freeElsewhere = rows.stream()
                    .filter(r -> r.id.sku.equals(sku.sku))
                    .mapToInt(Stock::available)
                    .sum() - decision.reserve();
            PromiseCalculator.Position position = new PromiseCalculator.Position(Math.max(0, freeElsewhere), timeline,
                    today, sku.leadTimeDays, sku.launchDate);
            LocalDate inStockDate = available > 0 && decision.kind() != BackorderKind.PREORDER
                    ? today
                    : PromiseCalculator.promise(waiting.intValue() + 1, position).date();
            if (decision.backorder() == 0) {
                return new QuoteView.Line(line.sku(), line.quantity(), Availability.AVAILABLE_NOW, line.quantity(),
                        today, null, today, null);
            }
            // A quote cannot know the customer's priority: it assumes the line joins the end of the queue.
            PromiseCalculator.Promise promise = PromiseCalculator.promise(waiting.intValue() + decision.backorder(),
                    position);
            Availability availability = decision.kind() == BackorderKind.PREORDER
                    ? Availability.PREORDERABLE
                    : Availability.BACKORDERABLE;
            return new QuoteView.Line(line.sku(), line.quantity(), availability, decision.reserve(), promise.date(),
                    promise.confidence(), inStockDate, null);
        }));
    }

    private static QuoteView.Line notOrderable(QuoteRequest.Line line, int available, RejectionReason reason) {
        return new QuoteView.Line(line.sku(), line.quantity(), Availability.NOT_ORDERABLE, available, null, null,
                null, reason);
    }
}
