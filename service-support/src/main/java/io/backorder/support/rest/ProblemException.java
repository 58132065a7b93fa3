package io.backorder.support.rest;

import java.util.List;

/**
 * A failure the caller can act on; carries the HTTP status and a title that are safe to show, and optionally the
 * individual violations (e.g. the bad rows of an uploaded file). Services throw the subclasses below;
 * {@link ProblemMappers} renders them as problem details.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;

    protected ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    protected ProblemException(int status, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
