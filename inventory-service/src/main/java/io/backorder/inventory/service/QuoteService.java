package io.backorder.inventory.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.BackorderQuoted;
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
import io.backorder.support.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Availability and promise dates for checkout, computed with the same rules as a reservation but without locking
 * or holding anything: a quote can be outdated by the time the order arrives, and the reservation decides. A quote
 * that shows a backorder or pre-order is announced ({@link BackorderQuoted}, one outbox row) so that the KPI read
 * model can count the customers who did not order after seeing it.
 */
@ApplicationScoped
public class QuoteService {

    private final SkuRepository skus;
    private final StockRepository stock;
    private final OrderLineRepository lines;
    private final InboundSupplyRepository inbound;
    private final Outbox outbox;
    private final Clock clock;

    /** A quoted line and the warehouse its units available now would come from (null when none is). */
    private record Quoted(QuoteView.Line line, String locationId) {

        boolean waitsForSupply() {
            return line.availability() == Availability.BACKORDERABLE
                    || line.availability() == Availability.PREORDERABLE;
        }

        BackorderQuoted.Line asBackorder() {
            BackorderKind kind = line.availability() == Availability.PREORDERABLE
                    ? BackorderKind.PREORDER
                    : BackorderKind.BACKORDER;
            return new BackorderQuoted.Line(line.sku(), line.quantity(), kind, line.promiseDate(), locationId);
        }
    }

    public QuoteService(SkuRepository skus, StockRepository stock, OrderLineRepository lines,
            InboundSupplyRepository inbound, Outbox outbox, Clock clock) {
        this.skus = skus;
        this.stock = stock;
        this.lines = lines;
        this.inbound = inbound;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<QuoteView> quote(QuoteRequest request) {
        List<String> skuIds = request.lines().stream().map(QuoteRequest.Line::sku).distinct().toList();
        return skus.list("sku in ?1", skuIds).flatMap(found -> stock.forSkus(skuIds).flatMap(rows -> {
            Map<String, Sku> bySku = found.stream().collect(Collectors.toMap(s -> s.sku, Function.identity()));
            Uni<List<Quoted>> quoted = Uni.createFrom().item(List.of());
            for (QuoteRequest.Line line : request.lines()) {
                quoted = quoted.flatMap(done -> quoteLine(line, bySku.get(line.sku()), rows).map(next -> {
                    List<Quoted> all = new ArrayList<>(done);
                    all.add(next);
                    return all;
                }));
            }
            return quoted.flatMap(this::announced);
        }));
    }

    /** The quote with its id; published when it showed the customer a line that would wait for supply. */
    private Uni<QuoteView> announced(List<Quoted> quoted) {
        UUID quoteId = UUID.randomUUID();
        QuoteView view = new QuoteView(quoteId, quoted.stream().map(Quoted::line).toList());
        List<BackorderQuoted.Line> backorders = quoted.stream()
                .filter(Quoted::waitsForSupply)
                .map(Quoted::asBackorder)
                .toList();
        if (backorders.isEmpty()) {
            return Uni.createFrom().item(view);
        }
        return outbox.publish(new BackorderQuoted(quoteId, clock.instant(), backorders)).replaceWith(view);
    }

    private Uni<Quoted> quoteLine(QuoteRequest.Line line, Sku sku, List<Stock> rows) {
        if (sku == null) {
            return Uni.createFrom().item(notOrderable(line, 0, RejectionReason.UNKNOWN_SKU));
        }
        Stock fullest = rows.stream()
                .filter(r -> r.id.sku.equals(sku.sku))
                .max(Comparator.comparingInt(Stock::available))
                .orElse(null);
        int available = fullest == null ? 0 : fullest.available();
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
            String shipsFrom = decision.reserve() > 0 ? fullest.id.locationId : null;
            if (decision.backorder() == 0) {
                return new Quoted(new QuoteView.Line(line.sku(), line.quantity(), Availability.AVAILABLE_NOW,
                        line.quantity(), today, null, today, null), shipsFrom);
            }
            // A quote cannot know the customer's priority: it assumes the line joins the end of the queue.
            PromiseCalculator.Promise promise = PromiseCalculator.promise(waiting.intValue() + decision.backorder(),
                    position);
            Availability availability = decision.kind() == BackorderKind.PREORDER
                    ? Availability.PREORDERABLE
                    : Availability.BACKORDERABLE;
            return new Quoted(new QuoteView.Line(line.sku(), line.quantity(), availability, decision.reserve(),
                    promise.date(), promise.confidence(), inStockDate, null), shipsFrom);
        }));
    }

    private static Quoted notOrderable(QuoteRequest.Line line, int available, RejectionReason reason) {
        return new Quoted(new QuoteView.Line(line.sku(), line.quantity(), Availability.NOT_ORDERABLE, available, null,
                null, null, reason), null);
    }
}
