package io.backorder.contracts;

/** The outcome of a command, sent back to the orchestrator that issued it. */
public interface Reply extends Message {
}
