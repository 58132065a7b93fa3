package io.backorder.order;

public enum CaptureStatus {
    /** Waiting for an active hold to capture from. */
    WAITING,
    /** Sent to the provider. */
    REQUESTED, SUCCEEDED, FAILED,
    /** The hold had lapsed; the shipment line is captured again by a new attempt on a new hold. */
    LAPSED,
    /** The shipment line was cancelled before anything was captured. */
    CANCELLED
}
