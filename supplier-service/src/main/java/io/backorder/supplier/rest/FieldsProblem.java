package io.backorder.supplier.rest;

import java.util.List;

import io.backorder.support.rest.Problem;
import io.backorder.support.rest.ProblemException;

/**
 * Input rejected field by field, for rules Bean Validation cannot express: across fields, or across the rows of a
 * CSV file. Rendered like a validation error, with every violation listed.
 */
public class FieldsProblem extends ProblemException {

    private final List<Problem.Violation> violations;

    public FieldsProblem(int status, String title, String detail, List<Problem.Violation> violations) {
        super(status, title, detail);
        this.violations = List.copyOf(violations);
    }

    /** 400, like a Bean Validation failure of a JSON request. */
    public static FieldsProblem invalid(List<Problem.Violation> violations) {
        return new FieldsProblem(400, "Invalid request", "The request has invalid fields", violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
