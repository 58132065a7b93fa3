package io.backorder.contracts;

/** A fact that happened, named in the past tense. */
public interface Event extends Message {
}
