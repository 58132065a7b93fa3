package io.backorder.order.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.order.IdempotencyRecord;
import io.backorder.order.Money;
import io.backorder.order.Order;
import io.backorder.order.OrderDraft;
import io.backorder.order.repository.IdempotencyRepository;
import io.backorder.order.repository.OrderRepository;
import io.backorder.order.repository.TimelineRepository;
import io.backorder.order.rest.OrderRequest;
import io.backorder.order.rest.OrderView;
import io.backorder.order.rest.ShipmentRequest;
import io.backorder.support.rest.ConflictProblem;
import io.backorder.support.rest.NotFoundProblem;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What platforms do with orders. A platform only ever sees its own orders; another's answer 404. */
@ApplicationScoped
public class OrderService {

    /** The response to a placement; {@code replayed} when an earlier request with the same key produced it. */
    public record Placed(UUID orderId, String body, boolean replayed) {
    }

    private final OrderRepository orders;
    private final SagaRunner runner;
    private final IdempotencyRepository idempotency;
    private final TimelineRepository timeline;
    private final ObjectMapper json;
    private final Clock clock;

    public OrderService(OrderRepository orders, SagaRunner runner, IdempotencyRepository idempotency,
            TimelineRepository timeline, ObjectMapper json, Clock clock) {
        this.orders = orders;
        this.runner = runner;
        this.idempotency = idempotency;
        this.timeline = timeline;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Places an order and starts its saga. The same key with the same request returns the first response and places
     * nothing; the same key with another request is refused.
     */
    @WithTransaction
    public Uni<Placed> place(String platform, String key, OrderRequest request) {
        Instant now = clock.instant();
        OrderDraft draft = validated(request, platform, now);
        String hash = hash(request);
        return idempotency.claim(platform, key, hash, now)
                .flatMap(claimed -> claimed ? create(platform, key, draft, now) : replay(platform, key, hash));
    }

    @WithTransaction
    public Uni<OrderView> view(String platform, UUID id) {
        return orders.loadConsistent(id).map(order -> owned(order, platform, id)).flatMap(this::view);
    }

    /** For operators: any platform's order. */
    @WithTransaction
    public Uni<OrderView> viewAny(UUID id) {
        return orders.loadConsistent(id).map(order -> owned(order, null, id)).flatMap(this::view);
    }

    @WithTransaction
    public Uni<OrderView> cancelOrder(String platform, UUID id, String reason) {
        return runner.lock(id)
                .map(order -> owned(order, platform, id))
                .flatMap(order -> runner.apply(order, null, (saga, step) -> saga.cancelOrder(step, reason)))
                .flatMap(this::view);
    }

    @WithTransaction
    public Uni<OrderView> cancelLine(String platform, UUID id, UUID lineId, String reason) {
        return runner.lock(id).map(order -> owned(order, platform, id)).flatMap(order -> {
            order.findLine(lineId).orElseThrow(() -> new NotFoundProblem("Order " + id + " has no line " + lineId));
            return runner.apply(order, null, (saga, step) -> saga.cancelLine(step, lineId, reason));
        }).flatMap(this::view);
    }

    /** Reports a shipment; its lines are captured before it is confirmed. */
    @WithTransaction
    public Uni<OrderView.ShipmentView> ship(String platform, UUID id, ShipmentRequest request) {
        Map<UUID, Integer> units = new LinkedHashMap<>();
        for (ShipmentRequest.Line line : request.lines()) {
            if (units.put(line.lineId(), line.quantity()) != null) {
                throw new UnprocessableProblem("Line " + line.lineId() + " appears twice in the shipment");
            }
        }
        return runner.lock(id).map(order -> owned(order, platform, id)).flatMap(order -> {
            units.keySet()
                    .stream()
                    .filter(lineId -> order.findLine(lineId).isEmpty())
                    .findFirst()
                    .ifPresent(lineId -> {
                        throw new UnprocessableProblem("Order " + id + " has no line " + lineId);
                    });
            return runner.apply(order, null, (saga, step) -> saga.requestShipment(step, request.shipmentId(),
                    units));
        })
                .flatMap(this::view)
                .map(view -> view.shipments()
                        .stream()
                        .filter(shipment -> shipment.shipmentId().equals(request.shipmentId()))
                        .findFirst()
                        .orElseThrow());
    }

    /** The response is built from the order in memory: its whole timeline is what the saga's start recorded. */
    private Uni<Placed> create(String platform, String key, OrderDraft draft, Instant now) {
        Order order = Order.place(draft, now);
        return runner.start(order).chain(started -> {
            String body = write(OrderView.of(order, started));
            return idempotency.complete(platform, key, order.id(), 201, body)
                    .replaceWith(new Placed(order.id(), body, false));
        });
    }

    private Uni<Placed> replay(String platform, String key, String hash) {
        return idempotency.findById(new IdempotencyRecord.Key(platform, key)).map(record -> {
            if (!record.requestHash.equals(hash)) {
                throw new UnprocessableProblem("Idempotency-Key " + key + " was used for a different request");
            }
            if (record.response == null) {
                throw new ConflictProblem("A request with Idempotency-Key " + key + " is still being processed");
            }
            return new Placed(record.orderId, record.response, true);
        });
    }

    private Uni<OrderView> view(Order order) {
        return timeline.ofOrder(order.id()).map(entries -> OrderView.of(order, entries));
    }

    /** Hides another platform's order behind the same 404 as a missing one. */
    private static Order owned(Order order, String platform, UUID id) {
        if (order == null || (platform != null && !order.platform().equals(platform))) {
            throw new NotFoundProblem("No order " + id);
        }
        return order;
    }

    private static OrderDraft validated(OrderRequest request, String platform, Instant now) {
        String currency = request.currency();
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableProblem("Unknown currency " + currency);
        }
        for (OrderRequest.Line line : request.lines()) {
            if (line.currency() != null && !line.currency().equals(currency)) {
                throw new UnprocessableProblem("Line " + line.sku() + " is in " + line.currency()
                        + " but the order is in " + currency + "; an order has one currency");
            }
            BigDecimal price = line.unitPrice().stripTrailingZeros();
            if (price.scale() > Money.scale(currency)) {
                throw new UnprocessableProblem("Unit price " + line.unitPrice() + " of " + line.sku()
                        + " has more decimals than " + currency + " allows");
            }
        }
        OrderRequest.Customer customer = request.customer();
        if (customer.email() == null && customer.phone() == null) {
            throw new UnprocessableProblem("The customer needs an email address or a phone number");
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (customer.latestAcceptableDate() != null && customer.latestAcceptableDate().isBefore(today)) {
            throw new UnprocessableProblem("The latest acceptable delivery date lies in the past");
        }
        return request.toDraft(platform, quoteId(request));
    }

    private static UUID quoteId(OrderRequest request) {
        if (request.quoteId() == null) {
            return null;
        }
        try {
            UUID quoteId = UUID.fromString(request.quoteId());
            // UUID.fromString also takes shortened groups such as "1-2-3-4-5"; a quote id is always written in full
            if (quoteId.toString().equalsIgnoreCase(request.quoteId())) {
                return quoteId;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new UnprocessableProblem("quoteId " + request.quoteId() + " is not a quote id (a UUID)");
    }

    private String hash(OrderRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private String write(OrderView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize the order", e);
        }
    }
}
