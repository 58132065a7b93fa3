package io.backorder.supplier.rest;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.backorder.support.rest.Problem;

/** Problems with more to say than a status and a detail; every other error is rendered by the shared mappers. */
public class SupplierProblemMappers {

    @ServerExceptionMapper
    public RestResponse<Problem> fields(FieldsProblem e) {
        return RestResponse.ResponseBuilder
                .<Problem>create(e.status())
                .entity(new Problem("about:blank", e.title(), e.status(), e.getMessage(), null, e.violations()))
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> tooManyRequests(TooManyRequestsProblem e) {
        return RestResponse.ResponseBuilder
                .<Problem>create(e.status())
                .entity(Problem.of(e.status(), e.title(), e.getMessage()))
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .build();
    }
}
