package io.backorder.contracts;

/**
 * AMQP 1.0 addresses. Every service consumes from exactly one inbox queue; commands, replies and the events a
 * service subscribes to are all delivered there (see {@link MessageCatalog} for who receives what). Plain anycast
 * queues work on every AMQP 1.0 broker without broker-specific routing configuration.
 */
public final class Addresses {

    public static final String INVENTORY_INBOX = "backorder.inventory";
    public static final String ORDER_INBOX = "backorder.order";
    public static final String SUPPLIER_INBOX = "backorder.supplier";
    public static final String NOTIFICATION_INBOX = "backorder.notification";
    /** The KPI read model (insights-service): receives copies of the facts it measures, never commands. */
    public static final String INSIGHTS_INBOX = "backorder.insights";
    /** Where the broker moves a message after its bounded redeliveries have failed. */
    public static final String DEAD_LETTERS = "DLQ";

    private Addresses() {
    }
}
