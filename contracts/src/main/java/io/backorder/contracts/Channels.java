package io.backorder.contracts;

/** SmallRye Reactive Messaging channel names shared by every service. */
public final class Channels {

    /** The one incoming channel of a service; its address is the service's inbox. */
    public static final String INBOX = "inbox";
    /** The outgoing channel the outbox relay sends on; the address is set per message. */
    public static final String OUTBOX = "outbox";

    private Channels() {
    }
}
