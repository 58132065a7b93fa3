package io.backorder.support.rest;

/** The request is valid but contradicts the current state, e.g. an illegal state transition. */
public class ConflictProblem extends ProblemException {

    public ConflictProblem(String detail) {
        super(409, "Conflict", detail);
    }
}
