package io.backorder.support.rest;

/** Well-formed input that breaks a business rule, e.g. an idempotency key reused with a different body. */
public class UnprocessableProblem extends ProblemException {

    public UnprocessableProblem(String detail) {
        super(422, "Unprocessable request", detail);
    }
}
