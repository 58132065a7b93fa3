package io.backorder.inventory.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.ReservedStockShipped;
import io.backorder.contracts.inventory.ShipReservedStock;
import io.backorder.inventory.JournalReason;
import io.backorder.inventory.LineReservation;
import io.backorder.inventory.OrderLine;
import io.backorder.inventory.Shipment;
import io.backorder.inventory.Stock;
import io.backorder.inventory.StockJournalEntry;
import io.backorder.inventory.repository.LineReservationRepository;
import io.backorder.inventory.repository.OrderLineRepository;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.inventory.repository.StockJournalRepository;
import io.backorder.inventory.repository.StockRepository;
import io.backorder.support.messaging.InvalidMessageException;
import io.backorder.support.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Reserved units leave the warehouse: off on-hand and off the reservation together, journalled per location. */
@ApplicationScoped
public class ShipmentService {

    private final SkuRepository skus;
    private final StockRepository stock;
    private final OrderLineRepository lines;
    private final LineReservationRepository reservations;
    private final StockJournalRepository journal;
    private final Outbox outbox;

    public ShipmentService(SkuRepository skus, StockRepository stock, OrderLineRepository lines,
            LineReservationRepository reservations, StockJournalRepository journal, Outbox outbox) {
        this.skus = skus;
        this.stock = stock;
        this.lines = lines;
        this.reservations = reservations;
        this.journal = journal;
        this.outbox = outbox;
    }

    /**
     * Idempotent per shipment and line: a shipment recorded before is answered with quantity zero and changes
     * nothing. A command that contradicts the line (another SKU, more units than reserved) can never succeed and is
     * dead-lettered.
     */
    @WithTransaction
    public Uni<ReservedStockShipped> ship(ShipReservedStock command, Envelope cause) {
        return lines.skuOf(command.lineId())
                .onItem()
                .ifNull()
                .failWith(() -> new InvalidMessageException("Shipment " + command.shipmentId() + " names unknown line "
                        + command.lineId()))
                .chain(skuId -> {
                    if (!skuId.equals(command.sku())) {
                        throw new InvalidMessageException("Shipment " + command.shipmentId() + " ships " + command.sku()
                                + " but line " + command.lineId() + " is for " + skuId);
                    }
                    // Checked under the SKU lock: two deliveries of the same shipment cannot both pass.
                    return skus.lockInOrder(List.of(skuId))
                            .chain(() -> Panache.getSession()
                                    .chain(session -> session.find(Shipment.class,
                                            new Shipment.Key(command.shipmentId(), command.lineId()))));
                })
                .chain(recorded -> recorded != null
                        ? Uni.createFrom().item(0)
                        : shipUnits(command).replaceWith(command.quantity()))
                .map(units -> new ReservedStockShipped(command.orderId(), command.lineId(), command.sku(), units,
                        command.shipmentId()))
                .call(reply -> outbox.publish(reply, cause));
    }

    private Uni<Void> shipUnits(ShipReservedStock command) {
        return lines.findById(command.lineId())
                .chain(line -> stock.lockForSkus(List.of(line.sku))
                        .chain(rows -> reservations.forLines(List.of(line.lineId))
                                .chain(held -> take(command, line, rows, held))));
    }

    private Uni<Void> take(ShipReservedStock command, OrderLine line, List<Stock> rows, List<LineReservation> held) {
        try {
            line.ship(command.quantity());
        } catch (IllegalStateException e) {
            throw new InvalidMessageException("Shipment " + command.shipmentId() + " cannot be recorded: "
                    + e.getMessage(), e);
        }
        Map<String, Stock> byLocation = rows.stream()
                .collect(Collectors.toMap(row -> row.id.locationId, Function.identity()));
        List<StockJournalEntry> entries = new ArrayList<>();
        List<LineReservation> emptied = new ArrayList<>();
        int missing = command.quantity();
        for (LineReservation reservation : held) {
            int taken = reservation.take(missing);
            if (taken == 0) {
                continue;
            }
            Stock row = byLocation.get(reservation.id.locationId);
            row.ship(taken);
            entries.add(StockJournalEntry.of(row, -taken, JournalReason.SHIPMENT.name(), null,
                    "shipment:" + command.shipmentId() + " line:" + line.lineId, null));
            if (reservation.units == 0) {
                emptied.add(reservation);
            }
            missing -= taken;
        }
        if (missing > 0) {
            throw new IllegalStateException("Line " + line.lineId + " has " + line.reserved + " units reserved but "
                    + "its reservations are short by " + missing);
        }
        Uni<Void> removed = Uni.createFrom().voidItem();
        for (LineReservation reservation : emptied) {
            removed = removed.chain(() -> reservations.delete(reservation));
        }
        return removed.chain(() -> journal.persist(entries))
                .chain(() -> Panache.getSession()
                        .chain(session -> session.persist(Shipment.of(command.shipmentId(), line.lineId, line.sku,
                                command.quantity()))));
    }
}
