package io.backorder.insights.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.BackorderQuoted;
import io.backorder.contracts.inventory.DemandForecastUpdated;
import io.backorder.contracts.inventory.GoodsReceived;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.LineRejected;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.ReservedStockShipped;
import io.backorder.contracts.inventory.StockAllocated;
import io.backorder.contracts.inventory.StockReleased;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.notification.ContactClicked;
import io.backorder.contracts.order.LineCancelled;
import io.backorder.contracts.order.OfferMade;
import io.backorder.contracts.order.OfferSettled;
import io.backorder.contracts.order.OrderPlaced;
import io.backorder.contracts.order.PaymentRefunded;
import io.backorder.contracts.supplier.EtaChanged;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.contracts.supplier.PurchaseOrderLineCancelled;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes the facts of incoming messages into the read model. Runs inside the inbox transaction. Every write is keyed
 * by the business id (line, offer, purchase-order line) and written so that the same fact arriving again (a re-sent
 * command's reply carries a new message id) leaves the row as it was: the first outcome of a line wins, quantities
 * that are totals are set, and only deltas that have their own message (an allocation, a shipment, a receipt) add up.
 */
@ApplicationScoped
public class Facts {

    private static final String LINE_OUTCOME = """
            insert into line_fact (line_id, order_id, sku, ordered_qty, outcome, rejection_reason, location_id,
                decided_at, backordered_qty, backorder_open, first_promise, promise, reserved_units)
            values (?1, ?2, ?3, ?4, ?5, cast(?6 as varchar), cast(?7 as varchar), ?8, ?9, ?9, cast(?10 as date),
                cast(?10 as date), ?11)
            on conflict (line_id) do update set sku = excluded.sku, ordered_qty = excluded.ordered_qty,
                outcome = excluded.outcome, rejection_reason = excluded.rejection_reason,
                location_id = coalesce(line_fact.location_id, excluded.location_id), decided_at = excluded.decided_at,
                backordered_qty = excluded.backordered_qty, backorder_open = excluded.backorder_open,
                first_promise = excluded.first_promise, promise = excluded.promise,
                reserved_units = excluded.reserved_units
            where line_fact.outcome is null""";

    private final ObjectMapper json;

    public Facts(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> orderPlaced(OrderPlaced order, Envelope envelope) {
        Uni<Void> chain = execute("""
                insert into order_fact (order_id, customer_id, customer_tier, placed_at, quote_id)
                values (?1, ?2, ?3, ?4, cast(?5 as uuid)) on conflict do nothing""", order.orderId(),
                order.customerId(), order.customerTier().name(), utc(order.placedAt()), order.quoteId());
        for (OrderPlaced.Line line : order.lines()) {
            chain = chain.chain(() -> execute("""
                    insert into line_fact (line_id, order_id, sku, ordered_qty) values (?1, ?2, ?3, ?4)
                    on conflict (line_id) do nothing""", line.lineId(), order.orderId(), line.sku(),
                    line.quantity()));
        }
        return chain;
    }

    /**
     * One row per quoted SKU. A basket listing a SKU twice is one quoted line of their units together: what the
     * customer would have ordered of it.
     */
    public Uni<Void> backorderQuoted(BackorderQuoted quote, Envelope envelope) {
        Map<String, BackorderQuoted.Line> bySku = new LinkedHashMap<>();
        for (BackorderQuoted.Line line : quote.lines()) {
            bySku.merge(line.sku(), line, (first, more) -> new BackorderQuoted.Line(first.sku(),
                    first.quantity() + more.quantity(), first.kind(), first.promiseDate(), first.locationId()));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (BackorderQuoted.Line line : bySku.values()) {
            chain = chain.chain(() -> execute("""
                    insert into quote_fact (quote_id, sku, quantity, kind, promise_date, location_id, quoted_at)
                    values (?1, ?2, ?3, ?4, cast(?5 as date), cast(?6 as varchar), ?7)
                    on conflict (quote_id, sku) do nothing""", quote.quoteId(), line.sku(), line.quantity(),
                    line.kind().name(), line.promiseDate(), line.locationId(), utc(quote.quotedAt())));
        }
        return chain;
    }

    public Uni<Void> stockReserved(StockReserved reply, Envelope envelope) {
        return execute(LINE_OUTCOME, reply.lineId(), reply.orderId(), reply.sku(), reply.quantity(), "RESERVED",
                null, reply.locationId(), time(envelope), 0, null, reply.quantity());
    }

    public Uni<Void> lineBackordered(LineBackordered reply, Envelope envelope) {
        return execute(LINE_OUTCOME, reply.lineId(), reply.orderId(), reply.sku(),
                reply.reservedQuantity() + reply.backorderedQuantity(), "BACKORDERED", null, null, time(envelope),
                reply.backorderedQuantity(), reply.promiseDate(), reply.reservedQuantity());
    }

    public Uni<Void> lineRejected(LineRejected reply, Envelope envelope) {
        // the quantity ordered is known from OrderPlaced; a rejection alone does not carry it
        return execute("""
                insert into line_fact (line_id, order_id, sku, outcome, rejection_reason, decided_at)
                values (?1, ?2, ?3, 'REJECTED', ?4, ?5)
                on conflict (line_id) do update set sku = excluded.sku, outcome = excluded.outcome,
                    rejection_reason = excluded.rejection_reason, decided_at = excluded.decided_at
                where line_fact.outcome is null""", reply.lineId(), reply.orderId(), reply.sku(),
                reply.reason().name(), time(envelope));
    }

    public Uni<Void> promiseDateChanged(PromiseDateChanged event, Envelope envelope) {
        return execute("""
                update line_fact set first_promise = coalesce(first_promise, cast(?2 as date)), promise = ?3,
                    promise_changes = promise_changes + 1
                where line_id = ?1""", event.lineId(), event.previousDate(), event.newDate());
    }

    public Uni<Void> stockAllocated(StockAllocated event, Envelope envelope) {
        return execute("""
                update line_fact set allocated_units = allocated_units + ?2, backorder_open = ?3,
                    location_id = coalesce(location_id, ?4),
                    backorder_cleared_at = case when ?3 = 0 then coalesce(backorder_cleared_at, ?5) end
                where line_id = ?1""", event.lineId(), event.quantity(), event.remainingBackordered(),
                event.locationId(), time(envelope));
    }

    public Uni<Void> stockReleased(StockReleased reply, Envelope envelope) {
        return execute("""
                update line_fact set released_reserved = greatest(released_reserved, ?2),
                    backorder_open = case when ?3 > 0 then 0 else backorder_open end
                where line_id = ?1""", reply.lineId(), reply.releasedReserved(), reply.releasedBackordered());
    }

    public Uni<Void> reservedStockShipped(ReservedStockShipped reply, Envelope envelope) {
        if (reply.quantity() == 0) {
            return Uni.createFrom().voidItem();
        }
        return execute("update line_fact set shipped_units = shipped_units + ?2, shipped_at = ?3 where line_id = ?1",
                reply.lineId(), reply.quantity(), time(envelope));
    }

    public Uni<Void> lineCancelled(LineCancelled event, Envelope envelope) {
        return execute(
                """
                        insert into line_fact (line_id, order_id, sku, cancelled_at, cancelled_for_delay)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (line_id) do update set cancelled_at = coalesce(line_fact.cancelled_at, excluded.cancelled_at),
                            cancelled_for_delay = line_fact.cancelled_for_delay or excluded.cancelled_for_delay""",
                event.lineId(), event.orderId(), event.sku(), time(envelope), event.becauseOfDelay());
    }

    public Uni<Void> paymentRefunded(PaymentRefunded event, Envelope envelope) {
        return execute("update line_fact set refunded_amount = refunded_amount + ?2 where line_id = ?1",
                event.lineId(), event.amount());
    }

    public Uni<Void> offerMade(OfferMade offer, Envelope envelope) {
        String options = offer.options().stream().map(Enum::name).collect(Collectors.joining(","));
        return execute("""
                insert into offer_fact (offer_id, order_id, line_id, sku, options, fallback, made_at, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing""", offer.offerId(), offer.orderId(),
                offer.lineId(), offer.sku(), options, offer.fallback().name(), time(envelope),
                utc(offer.expiresAt()));
    }

    public Uni<Void> offerSettled(OfferSettled settled, Envelope envelope) {
        return execute("""
                update offer_fact set settled_at = ?2, chosen = ?3, answered = ?4, consolation = ?5,
                    consolation_cost = ?6, currency = ?7
                where offer_id = ?1 and settled_at is null""", settled.offerId(), time(envelope),
                settled.chosen().name(), settled.answered(), settled.consolation(), settled.consolationCost(),
                settled.currency());
    }

    public Uni<Void> purchaseOrderIssued(PurchaseOrderIssued order, Envelope envelope) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PurchaseOrderIssued.Line line : order.lines()) {
            chain = chain.chain(() -> execute("""
                    insert into purchase_line_fact (purchase_order_line_id, purchase_order_id, supplier_id, sku,
                        location_id, quantity, first_expected, expected)
                    values (?1, ?2, ?3, ?4, cast(?5 as varchar), ?6, cast(?7 as date), cast(?7 as date))
                    on conflict do nothing""", line.purchaseOrderLineId(), order.purchaseOrderId(),
                    order.supplierId(), line.sku(), order.locationId(), line.quantity(), line.expectedDate()));
        }
        return chain;
    }

    public Uni<Void> etaChanged(EtaChanged event, Envelope envelope) {
        return execute("""
                insert into eta_change_fact values (?1, ?2, ?3, ?4, cast(?5 as date), ?6, ?7)""",
                UUID.fromString(envelope.id()), event.purchaseOrderLineId(), event.supplierId(), event.sku(),
                event.previousEta(), event.newEta(), time(envelope))
                .chain(() -> execute("update purchase_line_fact set expected = ?2 where purchase_order_line_id = ?1",
                        event.purchaseOrderLineId(), event.newEta()));
    }

    public Uni<Void> purchaseOrderLineCancelled(PurchaseOrderLineCancelled event, Envelope envelope) {
        return execute("update purchase_line_fact set cancelled = true where purchase_order_line_id = ?1",
                event.purchaseOrderLineId());
    }

    public Uni<Void> goodsReceived(GoodsReceived event, Envelope envelope) {
        if (event.purchaseOrderLineId() == null) {
            return Uni.createFrom().voidItem();
        }
        return execute("""
                update purchase_line_fact set received_qty = received_qty + ?2 where purchase_order_line_id = ?1""",
                event.purchaseOrderLineId(), event.quantity());
    }

    public Uni<Void> demandForecastUpdated(DemandForecastUpdated forecast, Envelope envelope) {
        return execute("""
                insert into forecast_fact values (?1, ?2, ?3, cast(?4 as integer), ?5, ?6)
                on conflict (sku) do update set starts = excluded.starts, daily = excluded.daily,
                    available_quantity = excluded.available_quantity, method = excluded.method,
                    made_at = excluded.made_at
                where forecast_fact.made_at < excluded.made_at""", forecast.sku(), forecast.from(),
                toJson(forecast), forecast.availableQuantity(), forecast.method(), time(envelope));
    }

    public Uni<Void> contactClicked(ContactClicked click, Envelope envelope) {
        return execute("insert into contact_click_fact values (?1, cast(?2 as uuid), ?3, cast(?4 as varchar), ?5)",
                UUID.fromString(envelope.id()), click.orderId(), click.via(), click.messageKind(),
                utc(click.clickedAt()));
    }

    private String toJson(DemandForecastUpdated forecast) {
        try {
            return json.writeValueAsString(forecast.dailyForecast());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a forecast", e);
        }
    }

    private static OffsetDateTime time(Envelope envelope) {
        return utc(envelope.time());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Uni<Void> execute(String sql, Object... parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
