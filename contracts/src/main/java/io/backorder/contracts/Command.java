package io.backorder.contracts;

/** An instruction to one service, named in the imperative. */
public interface Command extends Message {
}
