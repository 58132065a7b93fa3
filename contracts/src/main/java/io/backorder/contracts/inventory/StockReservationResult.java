package io.backorder.contracts.inventory;

import java.util.UUID;

import io.backorder.contracts.Reply;

/** The outcome of {@link ReserveStock} for one order line. */
public sealed interface StockReservationResult extends Reply permits StockReserved, LineBackordered, LineRejected {

    UUID orderId();

    UUID lineId();

    String sku();

    @Override
    default String correlationId() {
        return orderId().toString();
    }
}
