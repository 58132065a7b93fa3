package io.backorder.order;

public enum HoldStatus {
    /** Authorization requested from the provider. */
    PENDING,
    /** Authorized; captures draw on it until it is released or expires. */
    ACTIVE, DECLINED, EXPIRED,
    /** Release of the uncaptured remainder requested. */
    RELEASING, RELEASED
}
