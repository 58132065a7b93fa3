package io.backorder.supplier;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a purchase order stands, derived from its lines: RECEIVED when every ordered unit arrived, CLOSED when it
 * finished with some units cancelled, CANCELLED when nothing will come.
 */
public enum PurchaseOrderStatus {
    ISSUED, CONFIRMED, PARTIALLY_SHIPPED, SHIPPED, RECEIVED, CLOSED, CANCELLED;

    static {
        ISSUED.next = EnumSet.of(CONFIRMED, PARTIALLY_SHIPPED, SHIPPED, RECEIVED, CLOSED, CANCELLED);
        CONFIRMED.next = EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, RECEIVED, CLOSED, CANCELLED);
        PARTIALLY_SHIPPED.next = EnumSet.of(SHIPPED, RECEIVED, CLOSED);
        SHIPPED.next = EnumSet.of(RECEIVED, CLOSED);
        RECEIVED.next = EnumSet.noneOf(PurchaseOrderStatus.class);
        CLOSED.next = EnumSet.noneOf(PurchaseOrderStatus.class);
        CANCELLED.next = EnumSet.noneOf(PurchaseOrderStatus.class);
    }

    private Set<PurchaseOrderStatus> next;

    public boolean canMoveTo(PurchaseOrderStatus target) {
        return next.contains(target);
    }
}
