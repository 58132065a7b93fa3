package io.backorder.inventory.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.contracts.inventory.GoodsReceived;
import io.backorder.inventory.AllocationCause;
import io.backorder.inventory.InboundSupply;
import io.backorder.inventory.JournalReason;
import io.backorder.inventory.Receipt;
import io.backorder.inventory.ReceiptLine;
import io.backorder.inventory.Stock;
import io.backorder.inventory.repository.InboundSupplyRepository;
import io.backorder.inventory.repository.QueueRepository;
import io.backorder.inventory.repository.ReceiptRepository;
import io.backorder.inventory.repository.StockRepository;
import io.backorder.inventory.rest.ReceiptRequest;
import io.backorder.inventory.rest.ReceiptView;
import io.backorder.support.messaging.Outbox;
import io.backorder.support.rest.NotFoundProblem;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Warehouse receipts: goods counted in raise on-hand (journalled), close the purchase-order lines they arrived
 * against, and are allocated to waiting lines by priority in the same transaction.
 */
@ApplicationScoped
public class ReceiptService {

    /** A receipt and whether it was recorded just now or is the earlier result of a retried request. */
    public record Outcome(ReceiptView receipt, boolean created) {
    }

    private final ReceiptRepository receipts;
    private final StockRepository stock;
    private final InboundSupplyRepository inbound;
    private final QueueRepository queue;
    private final QueueService queues;
    private final StockService stockService;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ReceiptService(ReceiptRepository receipts, StockRepository stock, InboundSupplyRepository inbound,
            QueueRepository queue, QueueService queues, StockService stockService, Outbox outbox,
            ObjectMapper mapper, Clock clock) {
        this.receipts = receipts;
        this.stock = stock;
        this.inbound = inbound;
        this.queue = queue;
        this.queues = queues;
        this.stockService = stockService;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Records the receipt. With an idempotency key, a retried request gets the receipt recorded the first time; the
     * same key with a different request is refused.
     */
    @WithTransaction
    public Uni<Outcome> receive(ReceiptRequest request, String idempotencyKey, String actor) {
        String hash = hash(request);
        Uni<Receipt> earlier = idempotencyKey == null
                ? Uni.createFrom().nullItem()
                : receipts.byIdempotencyKey(idempotencyKey);
        return earlier.chain(existing -> {
            if (existing != null) {
                if (!existing.requestHash.equals(hash)) {
                    return Uni.createFrom()
                            .failure(new UnprocessableProblem(
                                    "Idempotency-Key " + idempotencyKey + " was used for a different receipt"));
                }
                return view(existing).map(view -> new Outcome(view, false));
            }
            return record(request, idempotencyKey, hash, actor).map(view -> new Outcome(view, true));
        });
    }

    private Uni<ReceiptView> record(ReceiptRequest request, String idempotencyKey, String hash, String actor) {
        Receipt receipt = new Receipt();
        receipt.id = UUID.randomUUID();
        receipt.locationId = request.locationId();
        receipt.idempotencyKey = idempotencyKey;
        receipt.requestHash = hash;
        receipt.note = request.note();
        receipt.receivedBy = actor;
        receipt.createdAt = Instant.now(clock);
        Set<String> skuIds = request.lines().stream().map(ReceiptRequest.Line::sku).collect(Collectors.toSet());
        List<String> purchaseOrderLineIds = request.lines()
                .stream()
                .map(ReceiptRequest.Line::purchaseOrderLineId)
                .filter(Objects::nonNull)
                .toList();
        return stockService.requireLocation(request.locationId())
                .chain(() -> queues.lockWithPartners(skuIds))
                .chain(locked -> {
                    Set<String> unknown = new TreeSet<>(skuIds);
                    locked.forEach(sku -> unknown.remove(sku.sku));
                    if (!unknown.isEmpty()) {
                        return Uni.createFrom().failure(new NotFoundProblem("No SKU " + String.join(", ", unknown)));
                    }
                    Uni<List<InboundSupply>> purchaseOrderLines = purchaseOrderLineIds.isEmpty()
                            ? Uni.createFrom().item(List.of())
                            : inbound.byPurchaseOrderLines(purchaseOrderLineIds);
                    return stock.lockForSkus(skuIds)
                            .chain(rows -> purchaseOrderLines.chain(supply -> applyLines(receipt, request,
                                    new ArrayList<>(rows), supply)))
                            .call(() -> receipts.persist(receipt))
                            .call(() -> receipts.getSession()
                                    .chain(session -> session.persistAll(receiptLines(receipt, request).toArray())))
                            .call(events -> outbox.publishAll(events, null))
                            .chain(() -> queues.settle(locked, QueueService.Trigger.allocation(AllocationCause.RECEIPT,
                                    receipt.id.toString(), "goods were received"), null));
                })
                .map(settlement -> new ReceiptView(receipt.id, receipt.locationId, receipt.receivedBy,
                        receipt.createdAt, receipt.note, request.lines(), settlement.placements()
                                .stream()
                                .map(placement -> new ReceiptView.Allocation(placement.grant().line().lineId(),
                                        placement.grant().line().orderId(), placement.grant().line().sku(),
                                        placement.locationId(), placement.units(),
                                        placement.grant().ranked().score().total(), placement.grant().explanation()))
                                .toList()));
    }

    /**
     * Raises on-hand per line (journalled) and receives against purchase-order lines, checked under the SKU locks.
     * Returns the GoodsReceived events to publish.
     */
    private Uni<List<GoodsReceived>> applyLines(Receipt receipt, ReceiptRequest request, List<Stock> lockedRows,
            List<InboundSupply> purchaseOrderLines) {
        Map<String, InboundSupply> byLineId = purchaseOrderLines.stream()
                .collect(Collectors.toMap(supply -> supply.purchaseOrderLineId, Function.identity()));
        List<GoodsReceived> events = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReceiptRequest.Line line : request.lines()) {
            String purchaseOrderId = null;
            if (line.purchaseOrderLineId() != null) {
                InboundSupply supply = byLineId.get(line.purchaseOrderLineId());
                String problem = problemWith(line, supply);
                if (problem != null) {
                    return Uni.createFrom().failure(new UnprocessableProblem(problem));
                }
                supply.receive(line.quantity());
                purchaseOrderId = supply.purchaseOrderId;
            }
            events.add(new GoodsReceived(receipt.id, line.sku(), receipt.locationId, line.quantity(), purchaseOrderId,
                    line.purchaseOrderLineId()));
            chain = chain.chain(() -> stockService.applyOnHand(line.sku(), receipt.locationId, lockedRows,
                    current -> line.quantity(), JournalReason.RECEIPT.name(), request.note(),
                    reference(receipt, line), receipt.receivedBy).replaceWithVoid());
        }
        return chain.replaceWith(events);
    }

    private static String problemWith(ReceiptRequest.Line line, InboundSupply supply) {
        if (supply == null) {
            return "No purchase-order line " + line.purchaseOrderLineId();
        }
        if (!supply.sku.equals(line.sku())) {
            return "Purchase-order line " + supply.purchaseOrderLineId + " is for " + supply.sku + ", not "
                    + line.sku();
        }
        if (!supply.isOpen()) {
            return "Purchase-order line " + supply.purchaseOrderLineId + " is " + supply.status;
        }
        if (line.quantity() > supply.openQuantity()) {
            return "Purchase-order line " + supply.purchaseOrderLineId + " expects " + supply.openQuantity()
                    + " more units; receive the excess without a purchase-order line";
        }
        return null;
    }

    private static String reference(Receipt receipt, ReceiptRequest.Line line) {
        return "receipt:" + receipt.id + (line.purchaseOrderLineId() == null
                ? ""
                : " po-line:"
                        + line.purchaseOrderLineId());
    }

    private static List<ReceiptLine> receiptLines(Receipt receipt, ReceiptRequest request) {
        List<ReceiptLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReceiptRequest.Line line = request.lines().get(i);
            lines.add(ReceiptLine.of(receipt.id, i + 1, line.sku(), line.quantity(), line.purchaseOrderLineId()));
        }
        return lines;
    }

    @WithSession
    public Uni<ReceiptView> get(UUID receiptId) {
        return receipts.findById(receiptId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No receipt " + receiptId))
                .chain(this::view);
    }

    private Uni<ReceiptView> view(Receipt receipt) {
        return receipts.lines(receipt.id)
                .chain(lines -> queue.allocations(AllocationCause.RECEIPT.name(), receipt.id.toString())
                        .map(allocations -> new ReceiptView(receipt.id, receipt.locationId, receipt.receivedBy,
                                receipt.createdAt, receipt.note, lines.stream()
                                        .map(line -> new ReceiptRequest.Line(line.sku, line.quantity,
                                                line.purchaseOrderLineId))
                                        .toList(),
                                allocations.stream()
                                        .map(a -> new ReceiptView.Allocation(a.lineId(), a.orderId(), a.sku(),
                                                a.locationId(), a.units(), a.priorityScore(), a.explanation()))
                                        .toList())));
    }

    private String hash(ReceiptRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the receipt request", e);
        }
    }
}
