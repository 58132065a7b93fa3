package io.backorder.notification.service;

import java.util.UUID;

import io.backorder.notification.Channel;
import io.backorder.notification.content.RenderedEmail;

/**
 * A claimed delivery attempt, ready to send: the rendered content (email or SMS text), or why it could not be
 * rendered. Carries the raw link token only inside the content.
 */
public record Outgoing(UUID deliveryId, long attemptId, UUID tokenId, Channel channel, String recipient,
        RenderedEmail email, String sms, String renderError) {
}
