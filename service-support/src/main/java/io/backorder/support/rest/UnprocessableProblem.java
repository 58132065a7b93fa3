package io.backorder.support.rest;

import java.util.List;

/** Well-formed input that breaks a business rule, e.g. an idempotency key reused with a different body. */
public class UnprocessableProblem extends ProblemException {

    public UnprocessableProblem(String detail) {
        super(422, "Unprocessable request", detail);
    }

    /** @param violations each offending part of the input (for a file: its row and column) with what is wrong */
    public UnprocessableProblem(String detail, List<Problem.Violation> violations) {
        super(422, "Unprocessable request", detail, violations);
    }
}
