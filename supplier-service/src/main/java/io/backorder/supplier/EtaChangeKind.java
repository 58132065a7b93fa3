package io.backorder.supplier;

public enum EtaChangeKind {
    /** The expected date the line was issued with. */
    ISSUED,
    /** The supplier's first committed ETA. */
    CONFIRMED,
    /** A later change by the supplier. */
    CHANGED
}
