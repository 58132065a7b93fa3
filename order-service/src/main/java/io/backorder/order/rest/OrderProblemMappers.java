package io.backorder.order.rest;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.backorder.order.IllegalTransitionException;
import io.backorder.support.rest.Problem;

/** An illegal state transition is a conflict with the order's current state. */
public class OrderProblemMappers {

    @ServerExceptionMapper
    public RestResponse<Problem> illegalTransition(IllegalTransitionException e) {
        return RestResponse.ResponseBuilder.<Problem>create(409)
                .entity(Problem.of(409, "Conflict", e.getMessage()))
                .type(Problem.MEDIA_TYPE)
                .build();
    }
}
