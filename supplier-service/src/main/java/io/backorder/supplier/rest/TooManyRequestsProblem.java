package io.backorder.supplier.rest;

import io.backorder.support.rest.ProblemException;

public class TooManyRequestsProblem extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequestsProblem(long retryAfterSeconds) {
        super(429, "Too many requests", "The request rate limit is exhausted; retry after " + retryAfterSeconds
                + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
