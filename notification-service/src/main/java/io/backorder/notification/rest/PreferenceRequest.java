package io.backorder.notification.rest;

import jakarta.validation.constraints.NotNull;

/** The channels a customer wants messages on; both false is a full opt-out. */
public record PreferenceRequest(@NotNull Boolean emailEnabled, @NotNull Boolean smsEnabled) {
}
