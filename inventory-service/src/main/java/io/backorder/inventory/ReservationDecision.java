package io.backorder.inventory;

import java.time.LocalDate;

import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.RejectionReason;

/**
 * What to do with one order line, decided from the SKU's backorder policy and the stock it can see. Pure: the
 * caller has already locked the stock rows it read.
 *
 * @param reserve units to reserve from stock on hand now
 * @param backorder units that wait for supply
 * @param rejection set when the line cannot be ordered at all (then nothing is reserved or backordered)
 */
public record ReservationDecision(int reserve, int backorder, BackorderKind kind, RejectionReason rejection) {

    public boolean rejected() {
        return rejection != null;
    }

    /**
     * @param available units free at the best location
     * @param backorderedNow units of this SKU already waiting (for the cap)
     * @param openInbound confirmed units on their way (for a cap at the inbound quantity)
     */
    public static ReservationDecision decide(Sku sku, int quantity, int available, boolean shipComplete,
            int backorderedNow, int openInbound, LocalDate today) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("Quantity must be positive");
        }
        if (sku.isPreorderOn(today)) {
            return withinCap(sku, quantity, backorderedNow, openInbound)
                    ? new ReservationDecision(0, quantity, BackorderKind.PREORDER, null)
                    : rejected(RejectionReason.BACKORDER_CAP_EXCEEDED);
        }
        int free = Math.max(available, 0);
        if (free >= quantity) {
            return new ReservationDecision(quantity, 0, null, null);
        }
        // A ship-complete order leaves on one parcel: reserving part of a line now would only strand those units.
        int reserve = shipComplete ? 0 : free;
        int shortfall = quantity - reserve;
        return switch (sku.backorderPolicy) {
            case DENY -> rejected(RejectionReason.OUT_OF_STOCK);
            case ALLOW, PREORDER -> new ReservationDecision(reserve, shortfall, BackorderKind.BACKORDER, null);
            case ALLOW_CAPPED -> withinCap(sku, shortfall, backorderedNow, openInbound)
                    ? new ReservationDecision(reserve, shortfall, BackorderKind.BACKORDER, null)
                    : rejected(RejectionReason.BACKORDER_CAP_EXCEEDED);
        };
    }

    /**
     * Whether {@link #decide} will look at the units already waiting and the confirmed inbound supply: only when
     * some units would wait and the SKU caps its backorders. Reservations of items in stock skip reading them, which
     * keeps the SKU locked for less time.
     */
    public static boolean needsCapFacts(Sku sku, int quantity, int available, LocalDate today) {
        boolean someWait = available < quantity || sku.isPreorderOn(today);
        return someWait && (sku.backorderCap != null || sku.capToInbound);
    }

    private static boolean withinCap(Sku sku, int units, int backorderedNow, int openInbound) {
        Integer cap = sku.capToInbound ? Integer.valueOf(openInbound) : sku.backorderCap;
        return cap == null || backorderedNow + units <= cap;
    }

    private static ReservationDecision rejected(RejectionReason reason) {
        return new ReservationDecision(0, 0, null, reason);
    }
}
