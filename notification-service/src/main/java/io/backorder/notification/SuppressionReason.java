package io.backorder.notification;

/** Why a message was not sent. */
public enum SuppressionReason {
    /** The promise dates moved less than the shop's tolerance since the customer was last told. */
    BELOW_TOLERANCE,
    /** The order already got the day's maximum of messages. */
    DAILY_CAP,
    /** The customer turned off every channel the order would have used. */
    OPTED_OUT,
    /** No usable channel: no address, or no consent at checkout. */
    NO_CHANNEL,
    /** The offer was decided, expired or replaced before the message went out. */
    OFFER_CLOSED
}
