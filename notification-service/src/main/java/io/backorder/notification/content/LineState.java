package io.backorder.notification.content;

/** The states of an order line the saga reports, as far as the customer needs to tell them apart. */
public enum LineState {
    RESERVED, BACKORDERED, ALLOCATED, SHIPPED, CANCELLED, SUBSTITUTED, OTHER;

    public static LineState of(String state) {
        if (state != null) {
            for (LineState known : values()) {
                if (known.name().equalsIgnoreCase(state)) {
                    return known;
                }
            }
        }
        return OTHER;
    }
}
