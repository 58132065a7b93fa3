package io.backorder.support.rest;

/** The resource does not exist, or exists but is not the caller's to see (the two are indistinguishable). */
public class NotFoundProblem extends ProblemException {

    public NotFoundProblem(String detail) {
        super(404, "Not found", detail);
    }
}
