package io.backorder.supplier;

import java.util.EnumSet;
import java.util.Set;

/** Where a purchase-order line stands; it only ever moves forward. */
public enum LineStatus {
    ISSUED, CONFIRMED, PARTIALLY_SHIPPED, SHIPPED, RECEIVED, CANCELLED;

    static {
        ISSUED.next = EnumSet.of(CONFIRMED, PARTIALLY_SHIPPED, SHIPPED, RECEIVED, CANCELLED);
        CONFIRMED.next = EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, RECEIVED, CANCELLED);
        PARTIALLY_SHIPPED.next = EnumSet.of(SHIPPED, RECEIVED);
        SHIPPED.next = EnumSet.of(RECEIVED);
        RECEIVED.next = EnumSet.noneOf(LineStatus.class);
        CANCELLED.next = EnumSet.noneOf(LineStatus.class);
    }

    private Set<LineStatus> next;

    public boolean canMoveTo(LineStatus target) {
        return next.contains(target);
    }

    public boolean terminal() {
        return next.isEmpty();
    }
}
