package io.backorder.support.rest;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place errors become HTTP responses: always {@code application/problem+json}, never a class name or a
 * stack trace.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), null, e.violations()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations()
                .stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(new Problem("about:blank", "Invalid request", 400, "The request has invalid fields", null,
                violations));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonProcessingException e) {
        return respond(Problem.of(400, "Malformed JSON", "The request body is not valid JSON for this endpoint: "
                + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e) {
        return respond(Problem.of(401, "Unauthorized", "A valid bearer token is required"));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> authenticationFailed(AuthenticationFailedException e) {
        return respond(Problem.of(401, "Unauthorized", "A valid bearer token is required"));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "The token's roles do not allow this operation"));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), safeDetail(e)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e) {
        Log.error("Unexpected failure while handling a request", e);
        return respond(Problem.of(500, "Internal error", "The request failed; it has been logged"));
    }

    private static String safeDetail(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "No acceptable representation";
            case 415 -> "Unsupported content type";
            default -> status >= 500 ? "The request failed" : "The request was not accepted";
        };
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Method parameter paths look like "create.request.lines[0].sku"; callers only know the body's field names.
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static RestResponse<Problem> respond(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status())
                .entity(problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }
}
