package io.backorder.inventory.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.PromiseConfidence;

/**
 * A SKU's backorder queue in allocation order, with each line's priority broken down, and the supply it waits for.
 *
 * @param freeUnits units on hand that nobody has reserved (only ship-complete orders that cannot complete yet leave
 *            units free while lines wait)
 */
public record QueueView(String sku, int freeUnits, int waitingUnits, List<Supply> supply, List<Line> lines) {

    public record Supply(String purchaseOrderId, String purchaseOrderLineId, String supplierId, String locationId,
            int openQuantity, LocalDate eta, boolean confirmed) {
    }

    /**
     * @param position 1 for the line served first
     * @param unitsThrough waiting units of this line and every line ahead of it
     * @param promiseDate the date the customer has been told
     * @param beyondLatestAcceptableDate the promise is later than the customer said they would wait
     */
    public record Line(int position, UUID lineId, UUID orderId, BackorderKind kind, int waiting, int reserved,
            int unitsThrough, LocalDate promiseDate, LocalDate firstPromiseDate, PromiseConfidence confidence,
            boolean shipComplete, LocalDate latestAcceptableDate, boolean beyondLatestAcceptableDate,
            CustomerTier customerTier, BigDecimal orderValue, Instant orderedAt, Priority priority) {
    }

    public record Priority(double total, double tier, double value, double age, double slip, String explanation) {
    }
}
