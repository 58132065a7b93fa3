package io.backorder.supplier;

/** An agreement valid today, with what the sourcing decision needs to know about its supplier. */
public record Candidate(Terms terms, boolean supplierActive, Reliability reliability) {
}
