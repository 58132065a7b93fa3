package io.backorder.support.rest;

/**
 * A failure the caller can act on; carries the HTTP status and a title that are safe to show. Services throw the
 * subclasses below; {@link ProblemMappers} renders them as problem details.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    protected ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
