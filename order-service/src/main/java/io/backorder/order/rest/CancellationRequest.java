package io.backorder.order.rest;

import jakarta.validation.constraints.Size;

public record CancellationRequest(@Size(max = 500) String reason) {

    public String reasonOr(String fallback) {
        return reason == null || reason.isBlank() ? fallback : reason;
    }
}
