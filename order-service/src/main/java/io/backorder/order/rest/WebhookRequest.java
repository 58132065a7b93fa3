package io.backorder.order.rest;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param events event types ({@code shipment.confirmed}), families ({@code payment.*}) or {@code *} for all
 */
public record WebhookRequest(
        @NotNull URI url,
        @NotEmpty @Size(max = 30) List<@NotNull @Pattern(regexp = "\\*|[a-z_]+\\.(\\*|[a-z_]+)") String> events) {
}
